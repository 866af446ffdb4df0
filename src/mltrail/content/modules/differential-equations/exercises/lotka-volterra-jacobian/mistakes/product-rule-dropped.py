# Mistake: differentiates a x - b x y with respect to x as a (and c x y - d y with respect to y as -d), dropping the interaction terms.
def lotka_volterra_jacobian(a, b, c, d, x, y):
    return [[a, -b * x], [c * y, -d]]
