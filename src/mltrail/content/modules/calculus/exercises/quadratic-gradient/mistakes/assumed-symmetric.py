# Mistake: uses 2 A x + b, the gradient for a symmetric A, on a matrix that is not symmetric.
import numpy as np


def quadratic_gradient(A, b, x):
    return (2 * np.asarray(A, dtype=float) @ np.asarray(x, dtype=float) + np.asarray(b, dtype=float)).tolist()
