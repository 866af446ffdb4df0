import numpy as np


def euler_step_limit(M):
    """The largest h for which Euler's method on x' = M x shrinks every start: min over lam of -2 Re(lam) / |lam|**2."""
    lam = np.linalg.eigvals(np.asarray(M, dtype=float))
    return float(np.min(-2.0 * lam.real / np.abs(lam) ** 2))
