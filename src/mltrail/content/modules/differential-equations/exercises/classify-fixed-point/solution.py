def classify_fixed_point(A):
    """Name the fixed point 0 of x' = A x (A is 2 x 2 with integer entries) from its trace and determinant."""
    (a, b), (c, d) = A
    trace, det = a + d, a * d - b * c
    if det < 0:
        return "saddle"
    if trace == 0:
        return "center"
    kind = "node" if trace * trace - 4 * det > 0 else "spiral"
    return ("stable " if trace < 0 else "unstable ") + kind
