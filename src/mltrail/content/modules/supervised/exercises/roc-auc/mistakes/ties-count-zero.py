# Mistake: counts only strictly higher positive scores; a tied pair adds 0 instead of one half.
import numpy as np


def roc_auc(y_true, scores):
    y, s = np.asarray(y_true), np.asarray(scores, dtype=float)
    p, q = s[y == 1], s[y == 0]
    return float((p[:, None] > q[None, :]).mean())
