# Mistake: treats n as the number of points (width (b - a) / (n - 1)) instead of the number of panels.
import math

FUNCTIONS = {
    "sin": math.sin, "cos": math.cos, "exp": math.exp, "x**2": lambda t: t * t, "x**3": lambda t: t**3,
    "sqrt": math.sqrt, "gauss": lambda t: math.exp(-t * t / 2),
}


def trapezoid(name, a, b, n):
    f = FUNCTIONS[name]
    h = (b - a) / (n - 1)
    ys = [f(a + i * h) for i in range(n)]
    return float(h * (sum(ys) - (ys[0] + ys[-1]) / 2))
