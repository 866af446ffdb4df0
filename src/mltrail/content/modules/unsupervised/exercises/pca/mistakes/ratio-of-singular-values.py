# Mistake: explained variance ratios from the singular values, not their squares.
import numpy as np


def pca(X, n_components):
    X = np.asarray(X, dtype=float)
    _, s, Vt = np.linalg.svd(X - X.mean(axis=0), full_matrices=False)
    return Vt[:n_components], (s / s.sum())[:n_components].tolist()
