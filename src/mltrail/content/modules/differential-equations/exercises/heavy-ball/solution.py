import numpy as np


def heavy_ball(A, b, x0, learning_rate, momentum, steps):
    """`steps` heavy-ball updates on f(x) = 1/2 x^T A x - b^T x from x0 with zero velocity; return x."""
    A = np.asarray(A, dtype=float)
    b = np.asarray(b, dtype=float)
    x = np.asarray(x0, dtype=float).copy()
    v = np.zeros_like(x)
    for _ in range(steps):
        v = momentum * v - learning_rate * (A @ x - b)
        x = x + v
    return x.tolist()
