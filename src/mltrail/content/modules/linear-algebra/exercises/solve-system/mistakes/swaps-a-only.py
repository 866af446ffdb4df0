# Mistake: swaps the rows of a when pivoting but forgets to swap the entries of b.
import numpy as np


def solve(a, b):
    m = np.array(a, dtype=float)
    x = np.array(b, dtype=float)
    n = len(x)
    for c in range(n):
        p = c + int(np.argmax(np.abs(m[c:, c])))
        m[[c, p]] = m[[p, c]]
        for r in range(c + 1, n):
            f = m[r, c] / m[c, c]
            m[r, c:] -= f * m[c, c:]
            x[r] -= f * x[c]
    for r in range(n - 1, -1, -1):
        x[r] = (x[r] - m[r, r + 1:] @ x[r + 1:]) / m[r, r]
    return x
