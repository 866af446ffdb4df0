def one_hot(labels, classes):
    """Return a list of rows of 0/1 ints: row i has a 1 at the position of labels[i] in classes."""
    return [[1 if label == cls else 0 for cls in classes] for label in labels]
