def inverse_2x2(a):
    """Return the inverse of the 2x2 matrix a (a list of two rows) as a list of lists, or None if det is 0."""
    # det = p * s - q * r; None if det == 0; else swap the diagonal, negate the rest, divide by det.
    ...
