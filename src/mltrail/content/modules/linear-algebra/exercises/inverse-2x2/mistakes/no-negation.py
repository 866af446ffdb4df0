# Mistake: swaps the diagonal but forgets to negate the off-diagonal entries.
def inverse_2x2(a):
    (p, q), (r, s) = a
    det = p * s - q * r
    if det == 0:
        return None
    return [[s / det, q / det], [r / det, p / det]]
