# Mistake: computes the bound -2 Re(lam) / |lam|**2 only for the eigenvalue of largest modulus instead of the minimum over all.
import numpy as np


def euler_step_limit(M):
    lam = np.linalg.eigvals(np.asarray(M, dtype=float))
    top = lam[np.argmax(np.abs(lam))]
    return float(-2.0 * top.real / abs(top) ** 2)
