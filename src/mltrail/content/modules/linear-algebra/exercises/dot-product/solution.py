def dot(u, v):
    """Return the dot product of two equal-length lists of floats, as a float."""
    total = 0.0
    for a, b in zip(u, v):
        total += a * b
    return total
