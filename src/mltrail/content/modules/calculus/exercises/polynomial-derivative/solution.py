def derivative_coefficients(coeffs):
    """Return the coefficients (increasing powers) of the derivative of the polynomial coeffs."""
    if len(coeffs) == 1:
        return [0.0]
    return [float(k * coeffs[k]) for k in range(1, len(coeffs))]
