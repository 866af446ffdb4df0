# Mistake: precision divided by the actual positives and recall by the predicted positives: the two are swapped.
def classification_metrics(y_true, y_pred):
    pairs = list(zip(y_true, y_pred))
    tp = sum(t == 1 and p == 1 for t, p in pairs)
    tn = sum(t == 0 and p == 0 for t, p in pairs)
    fp = sum(t == 0 and p == 1 for t, p in pairs)
    fn = sum(t == 1 and p == 0 for t, p in pairs)
    precision = tp / (tp + fn) if tp + fn else 0.0
    recall = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": (tp + tn) / len(pairs), "precision": precision, "recall": recall, "f1": f1,
            "confusion": [[tn, fp], [fn, tp]]}
