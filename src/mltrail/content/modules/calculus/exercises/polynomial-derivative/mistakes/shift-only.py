# Mistake: drops the constant and shifts the coefficients down, but forgets to multiply by the power.
def derivative_coefficients(coeffs):
    if len(coeffs) == 1:
        return [0.0]
    return [float(a) for a in coeffs[1:]]
