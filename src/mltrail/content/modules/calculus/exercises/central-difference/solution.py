import math

FUNCTIONS = {
    "sin": math.sin,
    "cos": math.cos,
    "exp": math.exp,
    "log": math.log,
    "sqrt": math.sqrt,
    "x**3": lambda t: t**3,
    "tanh": math.tanh,
}


def central_difference(name, x, h):
    """Return (f(x + h) - f(x - h)) / (2h) for the function named name."""
    f = FUNCTIONS[name]
    return float((f(x + h) - f(x - h)) / (2 * h))
