import math


def central_difference(name, x, h):
    """Return (f(x + h) - f(x - h)) / (2h) for the function named name."""
    # Map name ("sin", "cos", "exp", "log", "sqrt", "x**3", "tanh") to a function f first.
    ...
