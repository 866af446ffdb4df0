import numpy as np


def value_iteration(P, R, gamma, tol=1e-10):
    """The optimal values v*, by repeated Bellman optimality sweeps from V = 0."""
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    V = np.zeros(R.shape[0])
    threshold = tol * (1.0 - gamma) / gamma if gamma > 0 else 0.0
    while True:
        V_new = (R + gamma * P @ V).max(axis=1)
        if np.abs(V_new - V).max() <= threshold:
            return V_new.tolist()
        V = V_new
