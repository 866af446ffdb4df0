import math


def euler_error(rate, y0, T, n):
    """Euler's value at T after n steps of size T / n on y' = rate * y, minus the exact y0 * exp(rate * T)."""
    h = T / n
    y = float(y0)
    for _ in range(n):
        y = y + h * rate * y
    return y - y0 * math.exp(rate * T)
