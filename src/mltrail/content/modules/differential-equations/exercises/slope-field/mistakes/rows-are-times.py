# Mistake: puts one row per time t and one column per height y, the transpose of the asked layout.
import math

F = {
    "-y": lambda t, y: -y, "y*(1-y)": lambda t, y: y * (1.0 - y), "t-y": lambda t, y: t - y,
    "cos(t)": lambda t, y: math.cos(t), "-t*y": lambda t, y: -t * y, "sin(y)": lambda t, y: math.sin(y),
}


def slope_field(f, ts, ys):
    return [[F[f](t, y) for y in ys] for t in ts]
