import numpy as np


def solve(a, b):
    """Solve a @ x = b for a square non-singular a; return x as a 1-D float array."""
    # Copy a and b, eliminate column by column with partial pivoting (same row operations on
    # both), then back-substitute from the last row upwards.
    ...
