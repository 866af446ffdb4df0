def polynomial_features(x, degree):
    """Row i is [1, x_i, x_i**2, ..., x_i**degree]."""
    return [[float(value) ** p for p in range(degree + 1)] for value in x]
