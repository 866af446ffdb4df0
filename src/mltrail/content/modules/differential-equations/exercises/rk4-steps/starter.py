import math


def rk4(f, t0, y0, h, n):
    """Take n classical Runge-Kutta steps of size h for y' = f(t, y) from (t0, y0); return [y0, ..., yn]."""
    # Four slopes per step: k1 at the start, k2 and k3 at the midpoint, k4 at the end;
    # then y <- y + h * (k1 + 2 k2 + 2 k3 + k4) / 6.
    ...
