# Mistake: weight n_c / n, the class frequency: this gives MORE weight to the common class, the opposite of the fix.
from collections import Counter


def balanced_class_weights(y):
    return {label: count / len(y) for label, count in Counter(y).items()}
