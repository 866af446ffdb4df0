def accuracy(y_true, y_pred):
    """The fraction of positions where y_pred equals y_true, as a float."""
    # Count the matching positions, then divide by the number of labels.
    correct = 0
    ...
