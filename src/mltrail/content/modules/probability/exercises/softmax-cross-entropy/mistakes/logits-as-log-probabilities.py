# Mistake: uses -z_y as the loss, treating logits as log-probabilities (no log-sum-exp normaliser).
def cross_entropy_loss(logits, labels):
    return -sum(z[y] for z, y in zip(logits, labels)) / len(labels)
