# Mistake: orthonormalises the COLUMNS of the array instead of its rows.
import numpy as np


def gram_schmidt(vectors):
    basis = []
    for v in np.asarray(vectors, dtype=float).T:
        w = v.copy()
        for q in basis:
            w -= (w @ q) * q
        basis.append(w / np.linalg.norm(w))
    return np.array(basis).T
