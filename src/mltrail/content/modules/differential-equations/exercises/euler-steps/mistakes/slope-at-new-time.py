# Mistake: advances t before evaluating the slope, so each step uses f(t + h, y) instead of f(t, y).
import math

F = {
    "-y": lambda t, y: -y, "y*(1-y)": lambda t, y: y * (1.0 - y), "t-y": lambda t, y: t - y,
    "cos(t)": lambda t, y: math.cos(t), "-t*y": lambda t, y: -t * y, "sin(y)": lambda t, y: math.sin(y),
}


def euler(f, t0, y0, h, n):
    ys, t = [y0], t0
    for _ in range(n):
        t = t + h
        ys.append(ys[-1] + h * F[f](t, ys[-1]))
    return ys
