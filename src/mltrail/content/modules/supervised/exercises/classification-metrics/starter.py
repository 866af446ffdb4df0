def classification_metrics(y_true, y_pred):
    """Accuracy, precision, recall, F1 and the confusion matrix [[tn, fp], [fn, tp]] of binary labels."""
    # Count tp, tn, fp, fn; precision = tp / (tp + fp), recall = tp / (tp + fn), 0.0 when a denominator is 0.
    correct = sum(1 for t, p in zip(y_true, y_pred) if t == p)
    return {"accuracy": correct / len(y_true), "precision": 0.0, "recall": 0.0, "f1": 0.0, "confusion": [[0, 0], [0, 0]]}
