import math


def softplus(values):
    """Return [log(1 + e**x) for x in values], computed without overflow or lost digits."""
    return [max(x, 0.0) + math.log1p(math.exp(-abs(x))) for x in (float(v) for v in values)]
