import math

F = {
    "-y": lambda t, y: -y,
    "y*(1-y)": lambda t, y: y * (1.0 - y),
    "t-y": lambda t, y: t - y,
    "cos(t)": lambda t, y: math.cos(t),
    "-t*y": lambda t, y: -t * y,
    "sin(y)": lambda t, y: math.sin(y),
}


def slope_field(f, ts, ys):
    """The slopes f(t, y) on the grid: one row per y in ys, one column per t in ts."""
    g = F[f]
    return [[float(g(t, y)) for t in ts] for y in ys]
