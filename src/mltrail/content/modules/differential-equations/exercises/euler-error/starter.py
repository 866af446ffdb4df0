import math


def euler_error(rate, y0, T, n):
    """Euler's value at T after n steps of size T / n on y' = rate * y, minus the exact y0 * exp(rate * T)."""
    exact = y0 * math.exp(rate * T)
    # Take n Euler steps of size T / n from y0, then return (Euler's value) - exact.
    return 0.0
