import numpy as np


def gradient_flow(A, b, x0, t):
    """The exact solution at time t of x' = -(A x - b), x(0) = x0, for a symmetric positive definite A."""
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x0 = np.asarray(x0, dtype=float)
    x_star = np.linalg.solve(A, b)
    lam, V = np.linalg.eigh(A)
    return (x_star + V @ (np.exp(-lam * t) * (V.T @ (x0 - x_star)))).tolist()
