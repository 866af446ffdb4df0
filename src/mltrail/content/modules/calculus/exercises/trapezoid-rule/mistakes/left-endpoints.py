# Mistake: adds h * f(x_i) over the left end points (a left Riemann sum) instead of averaging both ends of each panel.
import math

FUNCTIONS = {
    "sin": math.sin, "cos": math.cos, "exp": math.exp, "x**2": lambda t: t * t, "x**3": lambda t: t**3,
    "sqrt": math.sqrt, "gauss": lambda t: math.exp(-t * t / 2),
}


def trapezoid(name, a, b, n):
    f = FUNCTIONS[name]
    h = (b - a) / n
    return float(h * sum(f(a + i * h) for i in range(n)))
