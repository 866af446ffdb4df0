# Mistake: stops after elimination and divides by the diagonal, ignoring the entries above it.
import numpy as np


def solve(a, b):
    m = np.array(a, dtype=float)
    x = np.array(b, dtype=float)
    n = len(x)
    for c in range(n):
        p = c + int(np.argmax(np.abs(m[c:, c])))
        m[[c, p]] = m[[p, c]]
        x[[c, p]] = x[[p, c]]
        for r in range(c + 1, n):
            f = m[r, c] / m[c, c]
            m[r, c:] -= f * m[c, c:]
            x[r] -= f * x[c]
    return x / np.diag(m)
