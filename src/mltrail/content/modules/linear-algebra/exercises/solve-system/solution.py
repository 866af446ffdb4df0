import numpy as np


def solve(a, b):
    """Solve a @ x = b for a square non-singular a; return x as a 1-D float array."""
    m = np.array(a, dtype=float)  # copies: the caller's arrays are left alone
    x = np.array(b, dtype=float)
    n = len(x)
    # Forward elimination with partial pivoting.
    for c in range(n):
        p = c + int(np.argmax(np.abs(m[c:, c])))
        if p != c:
            m[[c, p]] = m[[p, c]]
            x[[c, p]] = x[[p, c]]
        for r in range(c + 1, n):
            f = m[r, c] / m[c, c]
            m[r, c:] -= f * m[c, c:]
            x[r] -= f * x[c]
    # Back-substitution: the entries after r are already solved.
    for r in range(n - 1, -1, -1):
        x[r] = (x[r] - m[r, r + 1:] @ x[r + 1:]) / m[r, r]
    return x
