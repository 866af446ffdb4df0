def linear_combination(coefficients, vectors):
    """Return coefficients[0] * vectors[0] + coefficients[1] * vectors[1] + ...

    coefficients: list of k floats; vectors: list of k lists of n floats each.
    Returns a new list of n floats.
    """
    result = [0.0] * len(vectors[0])
    for c, v in zip(coefficients, vectors):
        for j, value in enumerate(v):
            result[j] += c * value
    return result
