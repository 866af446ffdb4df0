import numpy as np


def explained_variance_ratio(X):
    """Return the explained variance ratios of the (n, d) data X, largest first, length min(n, d)."""
    # Centre the columns, take the singular values s, return s**2 divided by their sum.
    ...
