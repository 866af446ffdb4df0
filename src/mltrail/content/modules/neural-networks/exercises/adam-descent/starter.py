import numpy as np


def adam_descent(a, c, w0, lr, beta1, beta2, eps, steps):
    """Adam on f(w) = 0.5 * sum(a * (w - c)**2) from w0, with bias correction."""
    w = np.array(w0, dtype=float)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    # For t = 1 .. steps: gradient, the two averages, their bias corrections, the step.
    return w.tolist()
