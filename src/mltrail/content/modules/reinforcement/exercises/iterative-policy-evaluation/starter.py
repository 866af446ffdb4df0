import numpy as np


def iterative_evaluation(P, R, policy, gamma, sweeps):
    """v after `sweeps` synchronous Bellman sweeps for a deterministic policy, from v = 0."""
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    v = np.zeros(R.shape[0])
    # each sweep: v = r_pi + gamma * P_pi @ v, computed from the previous v
    return v.tolist()
