# Mistake: returns exact minus Euler, the error with the wrong sign.
import math


def euler_error(rate, y0, T, n):
    h = T / n
    return y0 * math.exp(rate * T) - (1 + h * rate) ** n * y0
