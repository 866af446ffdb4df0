import math

F = {
    "-y": lambda t, y: -y,
    "y*(1-y)": lambda t, y: y * (1.0 - y),
    "t-y": lambda t, y: t - y,
    "cos(t)": lambda t, y: math.cos(t),
    "-t*y": lambda t, y: -t * y,
    "sin(y)": lambda t, y: math.sin(y),
}


def euler(f, t0, y0, h, n):
    """Take n Euler steps of size h for y' = f(t, y) from (t0, y0); return [y0, y1, ..., yn]."""
    rhs = F[f]
    ys = [float(y0)]
    for k in range(n):
        t = t0 + k * h
        ys.append(ys[-1] + h * rhs(t, ys[-1]))
    return ys
