# Mistake: uses np.linalg.eigvalsh of X_c^T X_c, whose eigenvalues come smallest first (and d of them).
import numpy as np


def explained_variance_ratio(X):
    centred = X - X.mean(axis=0)
    eigenvalues = np.linalg.eigvalsh(centred.T @ centred)
    return eigenvalues / eigenvalues.sum()
