import numpy as np


def pca(X, n_components):
    """The first principal components (rows) and their explained variance ratios."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    _, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    ratios = s ** 2 / (s ** 2).sum()
    return Vt[:n_components], ratios[:n_components].tolist()
