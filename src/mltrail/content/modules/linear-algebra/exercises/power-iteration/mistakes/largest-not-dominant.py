# Mistake: returns the largest eigenvalue (most positive) instead of the one of largest magnitude.
import numpy as np


def dominant_eigenvalue(a, iterations):
    return float(np.linalg.eigvalsh(a)[-1])
