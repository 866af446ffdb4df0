# Mistake: takes the symmetric points x - h and x + h but divides by h instead of 2h.
import math

FUNCTIONS = {"sin": math.sin, "cos": math.cos, "exp": math.exp, "log": math.log, "sqrt": math.sqrt, "x**3": lambda t: t**3, "tanh": math.tanh}


def central_difference(name, x, h):
    f = FUNCTIONS[name]
    return float((f(x + h) - f(x - h)) / h)
