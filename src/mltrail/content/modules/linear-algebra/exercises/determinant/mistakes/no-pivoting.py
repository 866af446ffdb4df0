# Mistake: no pivoting, so a zero on the diagonal leads to a division by zero.
import numpy as np


def determinant(a):
    m = np.array(a, dtype=float)
    n = m.shape[0]
    det = 1.0
    for c in range(n):
        det *= m[c, c]
        for r in range(c + 1, n):
            m[r, c:] -= (m[r, c] / m[c, c]) * m[c, c:]
    return float(det)
