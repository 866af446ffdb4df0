from collections import Counter


def balanced_class_weights(y):
    """The 'balanced' weight of each class: n / (number of classes * count of the class)."""
    counts = Counter(y)
    n, k = len(y), len(counts)
    return {label: n / (k * count) for label, count in counts.items()}
