# Mistake: the fraction of points with equal labels, which depends on the names.
def rand_index(labels_a, labels_b):
    return sum(1 for a, b in zip(labels_a, labels_b) if a == b) / len(labels_a)
