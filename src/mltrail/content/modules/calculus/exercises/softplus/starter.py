import math


def softplus(values):
    """Return [log(1 + e**x) for x in values], computed without overflow or lost digits."""
    # Rewrite log(1 + e**x) so that exp never sees a large positive number,
    # and use math.log1p for the logarithm of 1 plus a small number.
    ...
