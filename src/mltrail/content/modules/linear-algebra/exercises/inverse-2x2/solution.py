def inverse_2x2(a):
    """Return the inverse of the 2x2 matrix a (a list of two rows) as a list of lists, or None if det is 0."""
    (p, q), (r, s) = a
    det = p * s - q * r
    if det == 0:
        return None
    return [[s / det, -q / det], [-r / det, p / det]]
