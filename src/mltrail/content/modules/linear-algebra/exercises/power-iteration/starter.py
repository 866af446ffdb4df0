import numpy as np


def dominant_eigenvalue(a, iterations):
    """Return the eigenvalue of largest magnitude of the symmetric array a, by power iteration."""
    # v = ones; repeat: v = a @ v, rescaled to length 1; then return the Rayleigh quotient v @ a @ v.
    ...
