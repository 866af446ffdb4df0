# Mistake: ignores the classes argument and takes the columns from the labels seen, so classes that do not occur lose their column.
def one_hot(labels, classes):
    seen = []
    for label in labels:
        if label not in seen:
            seen.append(label)
    return [[1 if label == cls else 0 for cls in seen] for label in labels]
