# Mistake: multiplies only the first n - 1 pivots, forgetting the last diagonal entry.
import numpy as np


def determinant(a):
    m = np.array(a, dtype=float)
    n = m.shape[0]
    det = 1.0
    for c in range(n):
        p = c + int(np.argmax(np.abs(m[c:, c])))
        if m[p, c] == 0.0:
            return 0.0
        if p != c:
            m[[c, p]] = m[[p, c]]
            det = -det
        if c < n - 1:
            det *= m[c, c]
        for r in range(c + 1, n):
            m[r, c:] -= (m[r, c] / m[c, c]) * m[c, c:]
    return float(det)
