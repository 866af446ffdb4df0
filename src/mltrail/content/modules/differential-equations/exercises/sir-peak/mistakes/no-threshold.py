# Mistake: applies the peak formula even when R0 * s0 <= 1, where I only decreases and the peak is i0.
import math


def sir_peak(beta, gamma, s0, i0):
    rho = gamma / beta
    return s0 + i0 - rho + rho * math.log(rho / s0)
