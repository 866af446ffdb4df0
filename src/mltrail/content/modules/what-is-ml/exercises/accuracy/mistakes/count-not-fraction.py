# Mistake: returns the number of right predictions instead of the fraction.
def accuracy(y_true, y_pred):
    return sum(1 for t, p in zip(y_true, y_pred) if t == p)
