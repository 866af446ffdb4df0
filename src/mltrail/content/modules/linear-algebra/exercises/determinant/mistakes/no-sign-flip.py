# Mistake: swaps rows to get a good pivot but forgets that each swap flips the sign.
import numpy as np


def determinant(a):
    m = np.array(a, dtype=float)
    n = m.shape[0]
    det = 1.0
    for c in range(n):
        p = c + int(np.argmax(np.abs(m[c:, c])))
        if m[p, c] == 0.0:
            return 0.0
        m[[c, p]] = m[[p, c]]
        det *= m[c, c]
        for r in range(c + 1, n):
            m[r, c:] -= (m[r, c] / m[c, c]) * m[c, c:]
    return float(det)
