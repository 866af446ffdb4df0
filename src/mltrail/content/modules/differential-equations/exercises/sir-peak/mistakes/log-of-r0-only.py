# Mistake: uses ln(R0) = ln(beta / gamma) for ln(s0 / rho), as if everybody were susceptible at the start.
import math


def sir_peak(beta, gamma, s0, i0):
    rho = gamma / beta
    if s0 <= rho:
        return i0
    return s0 + i0 - rho - rho * math.log(beta / gamma)
