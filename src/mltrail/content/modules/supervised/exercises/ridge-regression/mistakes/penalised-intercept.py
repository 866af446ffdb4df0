# Mistake: puts the intercept in the penalty (alpha times the full identity on [1 | X]), which pulls b toward 0.
import numpy as np


def ridge_regression(X, y, alpha):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    A = np.column_stack([np.ones(len(X)), X])
    theta = np.linalg.solve(A.T @ A + alpha * np.eye(A.shape[1]), A.T @ y)
    return float(theta[0]), theta[1:]
