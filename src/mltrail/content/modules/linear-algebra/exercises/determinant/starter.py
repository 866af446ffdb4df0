import numpy as np


def determinant(a):
    """Return det(a) for a square float array, by Gaussian elimination with partial pivoting."""
    # Copy a, reduce it to upper triangular form column by column (swap in the largest pivot,
    # flipping the sign), and multiply the pivots together.
    ...
