# Mistake: normalises the singular values themselves instead of their squares (the variances).
import numpy as np


def explained_variance_ratio(X):
    s = np.linalg.svd(X - X.mean(axis=0), compute_uv=False)
    return s / np.sum(s)
