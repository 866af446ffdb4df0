import numpy as np


def iterative_evaluation(P, R, policy, gamma, sweeps):
    """v after `sweeps` synchronous Bellman sweeps for a deterministic policy, from v = 0."""
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    states = np.arange(R.shape[0])
    actions = np.asarray(policy, dtype=int)
    P_pi = P[states, actions]  # row s: where the policy's action in s leads
    r_pi = R[states, actions]
    v = np.zeros(R.shape[0])
    for _ in range(sweeps):
        v = r_pi + gamma * P_pi @ v
    return v.tolist()
