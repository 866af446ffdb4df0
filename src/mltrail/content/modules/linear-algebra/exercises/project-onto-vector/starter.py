import numpy as np


def project(v, onto):
    """Return the projection of the 1-D array v onto the line spanned by the nonzero 1-D array onto."""
    # The projection is c * onto, with c = (v . onto) / (onto . onto).
    ...
