# Mistake: builds one row per class instead of one row per label (the transpose of the right answer).
def one_hot(labels, classes):
    return [[1 if label == cls else 0 for label in labels] for cls in classes]
