# Mistake: evaluates the outer derivative at x instead of at the inner value u = p(x).
import math


def chain_derivative(outer, inner, x):
    du = sum(k * a * x ** (k - 1) for k, a in enumerate(inner) if k > 0)
    table = {
        "sin": math.cos, "cos": lambda t: -math.sin(t), "exp": math.exp, "log": lambda t: 1 / t,
        "sqrt": lambda t: 0.5 / math.sqrt(t), "square": lambda t: 2 * t, "tanh": lambda t: 1 - math.tanh(t) ** 2,
    }
    return float(table[outer](x) * du)
