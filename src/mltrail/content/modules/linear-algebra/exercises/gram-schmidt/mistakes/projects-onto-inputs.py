# Mistake: subtracts projections onto the ORIGINAL input rows instead of the orthonormal rows built so far.
import numpy as np


def gram_schmidt(vectors):
    vectors = np.asarray(vectors, dtype=float)
    basis = []
    for j, v in enumerate(vectors):
        w = v.copy()
        for u in vectors[:j]:
            w -= (v @ u) / (u @ u) * u
        basis.append(w / np.linalg.norm(w))
    return np.array(basis)
