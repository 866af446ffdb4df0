import numpy as np


def explained_variance_ratio(X):
    """Return the explained variance ratios of the (n, d) data X, largest first, length min(n, d)."""
    centred = X - X.mean(axis=0)
    s = np.linalg.svd(centred, compute_uv=False)  # min(n, d) values, largest first
    variances = s**2
    return variances / variances.sum()
