# Mistake: moves x with the OLD velocity and updates v afterwards (x <- x + v; then v <- momentum v - lr grad).
import numpy as np


def heavy_ball(A, b, x0, learning_rate, momentum, steps):
    A, b = np.asarray(A, dtype=float), np.asarray(b, dtype=float)
    x = np.asarray(x0, dtype=float)
    v = np.zeros_like(x)
    for _ in range(steps):
        grad = A @ x - b
        x = x + v
        v = momentum * v - learning_rate * grad
    return x.tolist()
