import numpy as np


def pca_2d(X):
    """Scores of the standardised rows of X on their first two principal components (n x 2)."""
    # Z = standardised X (population std); SVD of Z; scores = Z @ (first two rows of Vt).T
    ...
