# Mistake: evaluates the gradient at the look-ahead point x + momentum v (Nesterov's method), not at x.
import numpy as np


def heavy_ball(A, b, x0, learning_rate, momentum, steps):
    A, b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)
    x = np.asarray(x0, dtype=float)
    v = np.zeros_like(x)
    for _ in range(steps):
        v = momentum * v - learning_rate * (A @ (x + momentum * v) - b)
        x = x + v
    return x.tolist()
