import numpy as np


def adam_descent(a, c, w0, lr, beta1, beta2, eps, steps):
    """Adam on f(w) = 0.5 * sum(a * (w - c)**2) from w0, with bias correction."""
    a, c = np.asarray(a, dtype=float), np.asarray(c, dtype=float)
    w = np.array(w0, dtype=float)
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    for t in range(1, steps + 1):
        g = a * (w - c)
        m = beta1 * m + (1.0 - beta1) * g
        v = beta2 * v + (1.0 - beta2) * g * g
        m_hat = m / (1.0 - beta1**t)
        v_hat = v / (1.0 - beta2**t)
        w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
    return w.tolist()
