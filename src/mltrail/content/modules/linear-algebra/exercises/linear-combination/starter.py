def linear_combination(coefficients, vectors):
    """Return coefficients[0] * vectors[0] + coefficients[1] * vectors[1] + ...

    coefficients: list of k floats; vectors: list of k lists of n floats each.
    Returns a new list of n floats.
    """
    # Start from n zeros, then add c * v[j] to entry j for every (c, v) pair.
    ...
