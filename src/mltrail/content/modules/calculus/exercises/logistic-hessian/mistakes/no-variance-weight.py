# Mistake: weights each example by p_i instead of the sigmoid's derivative p_i * (1 - p_i).
import numpy as np


def logistic_hessian(X, w):
    X = np.asarray(X, dtype=float)
    p = 1.0 / (1.0 + np.exp(-(X @ np.asarray(w, dtype=float))))
    return ((X.T * p) @ X / len(X)).tolist()
