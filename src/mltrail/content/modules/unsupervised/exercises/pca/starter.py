import numpy as np


def pca(X, n_components):
    """The first principal components (rows) and their explained variance ratios."""
    # centre the columns, then np.linalg.svd(..., full_matrices=False): components are rows of Vt.
    ...
