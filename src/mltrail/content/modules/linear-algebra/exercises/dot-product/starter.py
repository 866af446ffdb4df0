def dot(u, v):
    """Return the dot product of two equal-length lists of floats, as a float."""
    # Multiply u[i] by v[i] for every i and add the products up.
    ...
