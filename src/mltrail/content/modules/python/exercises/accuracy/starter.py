def accuracy(y_true, y_pred):
    """Return the fraction (a float) of positions where y_true and y_pred are equal.

    Both lists have the same length. Two empty lists give 0.0.
    """
    # Count the matching positions and divide by the length; do not divide by zero.
    ...
