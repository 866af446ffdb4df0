# Mistake: solves x' = -A x, forgetting b: the solution decays to 0 instead of to the minimiser A^-1 b.
import numpy as np


def gradient_flow(A, b, x0, t):
    lam, V = np.linalg.eigh(np.asarray(A, dtype=float))
    return (V @ (np.exp(-lam * t) * (V.T @ np.asarray(x0, dtype=float)))).tolist()
