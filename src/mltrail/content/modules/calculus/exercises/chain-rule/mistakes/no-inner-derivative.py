# Mistake: returns the outer derivative at u = p(x) and forgets to multiply by the inner derivative p'(x).
import math


def chain_derivative(outer, inner, x):
    u = sum(a * x**k for k, a in enumerate(inner))
    table = {
        "sin": math.cos(u), "cos": -math.sin(u), "exp": math.exp(u), "log": 1 / u,
        "sqrt": 0.5 / math.sqrt(u), "square": 2 * u, "tanh": 1 - math.tanh(u) ** 2,
    }
    return float(table[outer])
