def lotka_volterra_jacobian(a, b, c, d, x, y):
    """The Jacobian of (a x - b x y, c x y - d y) with respect to (x, y), at the point (x, y)."""
    return [[a - b * y, -b * x], [c * y, c * x - d]]
