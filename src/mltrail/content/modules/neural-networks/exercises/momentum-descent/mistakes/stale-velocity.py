# Mistake: moves w with the previous velocity, then updates v, so each gradient acts one step late.
import numpy as np


def momentum_descent(a, c, w0, lr, beta, steps):
    a, c = np.asarray(a, dtype=float), np.asarray(c, dtype=float)
    w = np.array(w0, dtype=float)
    v = np.zeros_like(w)
    for _ in range(steps):
        g = a * (w - c)
        w = w - lr * v
        v = beta * v + g
    return w.tolist()
