# Mistake: multiplies each coefficient by its power but keeps every slot, so the result is not shifted down.
def derivative_coefficients(coeffs):
    return [float(k * a) for k, a in enumerate(coeffs)]
