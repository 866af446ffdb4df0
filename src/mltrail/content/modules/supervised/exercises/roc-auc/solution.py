import numpy as np
from scipy.stats import rankdata


def roc_auc(y_true, scores):
    """Area under the ROC curve: the chance that a random positive outranks a random negative, ties counting half."""
    y = np.asarray(y_true)
    s = np.asarray(scores, dtype=float)
    ranks = rankdata(s)  # average ranks: tied scores share the mean of their ranks
    positives = y == 1
    n_pos, n_neg = int(positives.sum()), int((~positives).sum())
    # Mann-Whitney: the rank sum of the positives, minus its smallest possible value, counts
    # the (positive, negative) pairs in the right order, a tie counting one half.
    return float((ranks[positives].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))
