# Mistake: uses 2 / max |lam|, the rule for real eigenvalues, which is too generous when eigenvalues are complex.
import numpy as np


def euler_step_limit(M):
    lam = np.linalg.eigvals(np.asarray(M, dtype=float))
    return float(2.0 / np.abs(lam).max())
