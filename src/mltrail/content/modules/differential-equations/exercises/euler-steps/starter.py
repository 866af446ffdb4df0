import math


def euler(f, t0, y0, h, n):
    """Take n Euler steps of size h for y' = f(t, y) from (t0, y0); return [y0, y1, ..., yn]."""
    # Map the string f to a function of (t, y); then repeat y <- y + h * f(t, y), t <- t + h.
    ys = [y0]
    return ys
