def polynomial_features(x, degree):
    """Row i is [1, x_i, x_i**2, ..., x_i**degree]."""
    rows = []
    for value in x:
        # the powers 0, 1, ..., degree of this value
        ...
    return rows
