import math


def sir_peak(beta, gamma, s0, i0):
    """The largest infected fraction of the SIR solution from (s0, i0), from the conserved S + I - rho ln S."""
    rho = gamma / beta
    if s0 <= rho:
        return float(i0)
    # V = S + I - rho ln S at the start equals its value at the peak, where S = rho.
    return s0 + i0 - rho + rho * math.log(rho / s0)
