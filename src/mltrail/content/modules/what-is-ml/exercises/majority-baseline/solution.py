def majority_baseline(y_train, y_test):
    """Accuracy on y_test of always predicting the most frequent class of y_train."""
    counts = {}
    for label in y_train:
        counts[label] = counts.get(label, 0) + 1
    top = max(counts.values())
    label = min(c for c, k in counts.items() if k == top)
    return sum(1 for t in y_test if t == label) / len(y_test)
