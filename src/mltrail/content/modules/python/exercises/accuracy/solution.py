def accuracy(y_true, y_pred):
    """Return the fraction (a float) of positions where y_true and y_pred are equal.

    Both lists have the same length. Two empty lists give 0.0.
    """
    if not y_true:
        return 0.0
    correct = sum(1 for true, pred in zip(y_true, y_pred) if true == pred)
    return correct / len(y_true)
