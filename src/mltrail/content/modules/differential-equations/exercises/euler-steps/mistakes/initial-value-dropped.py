# Mistake: starts the list with the first step, dropping the initial value y0 (n values instead of n + 1).
import math

F = {
    "-y": lambda t, y: -y, "y*(1-y)": lambda t, y: y * (1.0 - y), "t-y": lambda t, y: t - y,
    "cos(t)": lambda t, y: math.cos(t), "-t*y": lambda t, y: -t * y, "sin(y)": lambda t, y: math.sin(y),
}


def euler(f, t0, y0, h, n):
    ys, t, y = [], t0, y0
    for _ in range(n):
        y = y + h * F[f](t, y)
        t = t + h
        ys.append(y)
    return ys
