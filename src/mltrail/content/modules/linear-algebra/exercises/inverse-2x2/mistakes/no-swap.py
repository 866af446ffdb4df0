# Mistake: negates the off-diagonal entries but forgets to swap the two diagonal entries.
def inverse_2x2(a):
    (p, q), (r, s) = a
    det = p * s - q * r
    if det == 0:
        return None
    return [[p / det, -q / det], [-r / det, s / det]]
