import math

OUTER_DERIVATIVE = {
    "sin": math.cos,
    "cos": lambda u: -math.sin(u),
    "exp": math.exp,
    "log": lambda u: 1.0 / u,
    "sqrt": lambda u: 0.5 / math.sqrt(u),
    "square": lambda u: 2.0 * u,
    "tanh": lambda u: 1.0 - math.tanh(u) ** 2,
}


def chain_derivative(outer, inner, x):
    """Return the derivative at x of outer(p(x)), where p has coefficients inner (increasing powers)."""
    u = math.fsum(a * x**k for k, a in enumerate(inner))
    du = math.fsum(k * a * x ** (k - 1) for k, a in enumerate(inner) if k > 0)
    return float(OUTER_DERIVATIVE[outer](u) * du)
