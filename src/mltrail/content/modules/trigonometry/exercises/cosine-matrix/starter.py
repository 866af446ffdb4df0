import math


def cosine_matrix(X):
    """Return the n x n list of lists whose entry [i][j] is the cosine similarity of rows i and j of X."""
    # For each pair of rows: dot product divided by the product of the two lengths.
    ...
