import numpy as np


def momentum_descent(a, c, w0, lr, beta, steps):
    """Heavy-ball momentum on f(w) = 0.5 * sum(a * (w - c)**2), from w0, for the given number of steps."""
    a, c = np.asarray(a, dtype=float), np.asarray(c, dtype=float)
    w = np.array(w0, dtype=float)
    v = np.zeros_like(w)
    for _ in range(steps):
        v = beta * v + a * (w - c)
        w = w - lr * v
    return w.tolist()
