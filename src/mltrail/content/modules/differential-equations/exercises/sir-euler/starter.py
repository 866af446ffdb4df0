def sir_euler(beta, gamma, s0, i0, h, n):
    """n Euler steps of size h on the SIR model from (s0, i0, 1 - s0 - i0); rows [S, I, R]."""
    rows = [[s0, i0, 1.0 - s0 - i0]]
    # Each step: compute the three rates from the current row, then move every component by h * rate.
    return rows
