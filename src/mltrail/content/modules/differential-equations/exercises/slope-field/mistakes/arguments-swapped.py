# Mistake: calls f(y, t) instead of f(t, y), feeding the height where the time belongs.
import math

F = {
    "-y": lambda t, y: -y, "y*(1-y)": lambda t, y: y * (1.0 - y), "t-y": lambda t, y: t - y,
    "cos(t)": lambda t, y: math.cos(t), "-t*y": lambda t, y: -t * y, "sin(y)": lambda t, y: math.sin(y),
}


def slope_field(f, ts, ys):
    return [[F[f](y, t) for t in ts] for y in ys]
