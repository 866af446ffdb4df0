import numpy as np


def logistic_hessian(X, w):
    """Return the d x d Hessian of the mean logistic loss at w."""
    X = np.asarray(X, dtype=float)
    p = 1.0 / (1.0 + np.exp(-(X @ np.asarray(w, dtype=float))))
    return ((X.T * (p * (1.0 - p))) @ X / len(X)).tolist()
