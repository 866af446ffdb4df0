import numpy as np


def gram_schmidt(vectors):
    """Return the Gram-Schmidt orthonormalisation of the rows of a (k, n) array, as a (k, n) array."""
    basis = []
    for v in np.asarray(vectors, dtype=float):
        w = v.copy()
        for q in basis:
            w -= (w @ q) * q  # modified Gram-Schmidt: project the running w
        basis.append(w / np.linalg.norm(w))
    return np.array(basis)
