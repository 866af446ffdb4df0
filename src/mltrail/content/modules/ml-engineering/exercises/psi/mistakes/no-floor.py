# Mistake: skips bins where a share is 0 instead of flooring the shares at 1e-4.
import numpy as np


def psi(expected, actual, edges):
    p = np.bincount(np.searchsorted(edges, expected, side="right"), minlength=len(edges) + 1) / len(expected)
    q = np.bincount(np.searchsorted(edges, actual, side="right"), minlength=len(edges) + 1) / len(actual)
    keep = (p > 0) & (q > 0)
    return float(np.sum((q[keep] - p[keep]) * np.log(q[keep] / p[keep])))
