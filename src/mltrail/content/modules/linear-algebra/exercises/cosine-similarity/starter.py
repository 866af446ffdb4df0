import math


def cosine_similarity(u, v):
    """Return (u . v) / (|u| |v|) as a float, or 0.0 if u or v is all zeros."""
    # Compute u . v, |u| and |v| with loops; handle a zero vector before dividing.
    ...
