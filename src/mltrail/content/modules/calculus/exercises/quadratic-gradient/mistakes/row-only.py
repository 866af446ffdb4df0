# Mistake: differentiates only the row terms of x^T A x, giving A x + b.
import numpy as np


def quadratic_gradient(A, b, x):
    return (np.asarray(A, dtype=float) @ np.asarray(x, dtype=float) + np.asarray(b, dtype=float)).tolist()
