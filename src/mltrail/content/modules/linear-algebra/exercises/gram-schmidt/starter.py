import numpy as np


def gram_schmidt(vectors):
    """Return the Gram-Schmidt orthonormalisation of the rows of a (k, n) array, as a (k, n) array."""
    # For each row: subtract its projections onto the rows already built, then divide by the norm.
    ...
