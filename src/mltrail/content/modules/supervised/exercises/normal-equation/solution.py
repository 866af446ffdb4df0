import numpy as np


def fit_linear_regression(X, y):
    """Least-squares intercept and weights: return (intercept, weights)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    A = np.column_stack([np.ones(len(X)), X])
    # lstsq works on A itself (through the SVD); forming A.T @ A would square its condition number.
    theta = np.linalg.lstsq(A, y, rcond=None)[0]
    return float(theta[0]), theta[1:]
