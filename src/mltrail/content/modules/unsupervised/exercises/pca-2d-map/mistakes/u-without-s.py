# Mistake: returns the columns of U, which are the scores divided by the singular values.
import numpy as np


def pca_2d(X):
    X = np.asarray(X, dtype=float)
    Z = (X - X.mean(axis=0)) / X.std(axis=0)
    U, s, Vt = np.linalg.svd(Z, full_matrices=False)
    return U[:, :2]
