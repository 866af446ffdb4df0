# Mistake: sorts the classes, so the columns are not in the order given by the caller.
def one_hot(labels, classes):
    columns = sorted(classes)
    return [[1 if label == cls else 0 for cls in columns] for label in labels]
