def one_hot(labels, classes):
    """Return a list of rows of 0/1 ints: row i has a 1 at the position of labels[i] in classes."""
    # One row per label, one column per class (in the order of classes).
    ...
