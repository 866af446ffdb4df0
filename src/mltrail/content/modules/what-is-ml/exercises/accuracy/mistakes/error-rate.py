# Mistake: counts the wrong predictions, so it returns the error rate 1 - accuracy.
def accuracy(y_true, y_pred):
    wrong = sum(1 for t, p in zip(y_true, y_pred) if t != p)
    return wrong / len(y_true)
