# Mistake: uses the step h = T / (n + 1), as if n steps needed n + 1 intervals, and stops short of T.
import math


def euler_error(rate, y0, T, n):
    h = T / (n + 1)
    y = y0
    for _ in range(n):
        y = y + h * rate * y
    return y - y0 * math.exp(rate * T)
