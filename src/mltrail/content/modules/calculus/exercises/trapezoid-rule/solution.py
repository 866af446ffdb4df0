import math

FUNCTIONS = {
    "sin": math.sin,
    "cos": math.cos,
    "exp": math.exp,
    "x**2": lambda t: t * t,
    "x**3": lambda t: t**3,
    "sqrt": math.sqrt,
    "gauss": lambda t: math.exp(-t * t / 2),
}


def trapezoid(name, a, b, n):
    """Return the trapezoid-rule estimate of the integral of the named function over [a, b] with n panels."""
    f = FUNCTIONS[name]
    h = (b - a) / n
    ys = [f(a + i * h) for i in range(n + 1)]
    return float(h * (math.fsum(ys[1:-1]) + (ys[0] + ys[-1]) / 2))
