# Mistake: forgets to centre the columns, so the column means dominate the first "direction".
import numpy as np


def explained_variance_ratio(X):
    s = np.linalg.svd(X, compute_uv=False)
    return s**2 / np.sum(s**2)
