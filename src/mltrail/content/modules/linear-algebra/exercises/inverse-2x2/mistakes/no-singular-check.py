# Mistake: never checks the determinant, so a singular matrix divides by zero.
def inverse_2x2(a):
    (p, q), (r, s) = a
    det = p * s - q * r
    return [[s / det, -q / det], [-r / det, p / det]]
