# Mistake: uses exp(+lam t), the flow of x' = +(A x - b): gradient ascent, running away from the minimiser.
import numpy as np


def gradient_flow(A, b, x0, t):
    A = np.asarray(A, dtype=float)
    x_star = np.linalg.solve(A, np.asarray(b, dtype=float))
    lam, V = np.linalg.eigh(A)
    return (x_star + V @ (np.exp(lam * t) * (V.T @ (np.asarray(x0, dtype=float) - x_star)))).tolist()
