def accuracy(y_true, y_pred):
    """The fraction of positions where y_pred equals y_true, as a float."""
    correct = sum(1 for t, p in zip(y_true, y_pred) if t == p)
    return correct / len(y_true)
