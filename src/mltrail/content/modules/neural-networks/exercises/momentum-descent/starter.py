import numpy as np


def momentum_descent(a, c, w0, lr, beta, steps):
    """Heavy-ball momentum on f(w) = 0.5 * sum(a * (w - c)**2), from w0, for the given number of steps."""
    w = np.array(w0, dtype=float)
    v = np.zeros_like(w)
    # Each step: the gradient a * (w - c), then v = beta * v + gradient, then w = w - lr * v.
    return w.tolist()
