# Mistake: estimates the eigenvalue by the length of a @ v, which loses its sign.
import numpy as np


def dominant_eigenvalue(a, iterations):
    v = np.ones(a.shape[0])
    for _ in range(iterations):
        w = a @ v
        v = w / np.linalg.norm(w)
    return float(np.linalg.norm(a @ v))
