# Mistake: averages the velocity as v = beta * v + (1 - beta) * g, which shrinks every step by 1 - beta.
import numpy as np


def momentum_descent(a, c, w0, lr, beta, steps):
    a, c = np.asarray(a, dtype=float), np.asarray(c, dtype=float)
    w = np.array(w0, dtype=float)
    v = np.zeros_like(w)
    for _ in range(steps):
        v = beta * v + (1.0 - beta) * a * (w - c)
        w = w - lr * v
    return w.tolist()
