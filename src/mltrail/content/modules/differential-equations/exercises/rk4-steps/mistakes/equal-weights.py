# Mistake: averages the four slopes with equal weights, (k1 + k2 + k3 + k4) / 4, instead of (k1 + 2 k2 + 2 k3 + k4) / 6.
import math

F = {
    "-y": lambda t, y: -y, "y*(1-y)": lambda t, y: y * (1.0 - y), "t-y": lambda t, y: t - y,
    "cos(t)": lambda t, y: math.cos(t), "-t*y": lambda t, y: -t * y, "sin(y)": lambda t, y: math.sin(y),
}


def rk4(f, t0, y0, h, n):
    g, ys = F[f], [y0]
    for k in range(n):
        t, y = t0 + k * h, ys[-1]
        k1 = g(t, y)
        k2 = g(t + h / 2, y + h / 2 * k1)
        k3 = g(t + h / 2, y + h / 2 * k2)
        k4 = g(t + h, y + h * k3)
        ys.append(y + h * (k1 + k2 + k3 + k4) / 4)
    return ys
