import numpy as np


def dominant_eigenvalue(a, iterations):
    """Return the eigenvalue of largest magnitude of the symmetric array a, by power iteration."""
    v = np.ones(a.shape[0])
    for _ in range(iterations):
        w = a @ v
        v = w / np.linalg.norm(w)
    return float(v @ a @ v)
