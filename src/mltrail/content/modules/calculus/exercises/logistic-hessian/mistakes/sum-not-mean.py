# Mistake: sums the per-example curvatures instead of averaging them (the Hessian of the summed loss).
import numpy as np


def logistic_hessian(X, w):
    X = np.asarray(X, dtype=float)
    p = 1.0 / (1.0 + np.exp(-(X @ np.asarray(w, dtype=float))))
    return ((X.T * (p * (1.0 - p))) @ X).tolist()
