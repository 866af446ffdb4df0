# Eliminates on the caller's own array: np.asarray makes no copy of a float array.
import numpy as np


def determinant(a):
    """Return det(a) for a square float array, by Gaussian elimination with partial pivoting."""
    m = np.asarray(a, dtype=float)  # no copy for a float array: the caller's array is changed
    n = m.shape[0]
    det = 1.0
    for c in range(n):
        p = c + int(np.argmax(np.abs(m[c:, c])))
        if m[p, c] == 0.0:
            return 0.0
        if p != c:
            m[[c, p]] = m[[p, c]]
            det = -det
        det *= m[c, c]
        for r in range(c + 1, n):
            m[r, c:] -= (m[r, c] / m[c, c]) * m[c, c:]
    return float(det)
