def derivative_coefficients(coeffs):
    """Return the coefficients (increasing powers) of the derivative of the polynomial coeffs."""
    # The term a_k x**k has derivative k * a_k x**(k - 1): it moves from index k to index k - 1.
    ...
