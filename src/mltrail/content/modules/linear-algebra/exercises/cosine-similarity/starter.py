import math


def cosine_similarity(u, v):
    """Return (u . v) / (|u| |v|) as a float, or 0.0 if u or v is all zeros."""
    # Return 0.0 if a vector is all zeros; divide each vector by its largest |entry|;
    # then compute u . v, |u| and |v| with loops and divide.
    ...
