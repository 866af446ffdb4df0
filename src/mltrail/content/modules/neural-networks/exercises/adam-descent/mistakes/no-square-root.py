# Mistake: divides by v_hat + eps instead of sqrt(v_hat) + eps.
import numpy as np


def adam_descent(a, c, w0, lr, beta1, beta2, eps, steps):
    a, c = np.asarray(a, dtype=float), np.asarray(c, dtype=float)
    w = np.array(w0, dtype=float)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        g = a * (w - c)
        m = beta1 * m + (1.0 - beta1) * g
        v = beta2 * v + (1.0 - beta2) * g * g
        w = w - lr * (m / (1.0 - beta1**t)) / (v / (1.0 - beta2**t) + eps)
    return w.tolist()
