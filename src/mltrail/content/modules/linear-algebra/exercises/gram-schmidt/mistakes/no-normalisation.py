# Mistake: makes the rows perpendicular but forgets to scale them to length 1.
import numpy as np


def gram_schmidt(vectors):
    basis = []
    for v in np.asarray(vectors, dtype=float):
        w = v.copy()
        for q in basis:
            w -= (w @ q) / (q @ q) * q
        basis.append(w)
    return np.array(basis)
