import numpy as np


def sir_euler(beta, gamma, s0, i0, h, n):
    """n Euler steps of size h on the SIR model from (s0, i0, 1 - s0 - i0); rows [S, I, R]."""
    x = np.array([s0, i0, 1.0 - s0 - i0], dtype=float)
    rows = [x.tolist()]
    for _ in range(n):
        s, i, _r = x
        infections, recoveries = beta * s * i, gamma * i
        x = x + h * np.array([-infections, infections - recoveries, recoveries])
        rows.append(x.tolist())
    return rows
