# Mistake: never checks that the matrix is square, so a - a.T fails for a non-square matrix.
import numpy as np


def is_symmetric(a, tol):
    return bool(np.all(np.abs(a - a.T) <= tol))
