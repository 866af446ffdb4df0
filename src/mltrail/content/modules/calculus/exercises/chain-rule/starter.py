import math


def chain_derivative(outer, inner, x):
    """Return the derivative at x of outer(p(x)), where p has coefficients inner (increasing powers)."""
    # u = p(x), du = p'(x); then multiply the outer derivative, evaluated at u, by du.
    ...
