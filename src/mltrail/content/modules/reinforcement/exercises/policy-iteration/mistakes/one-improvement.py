# Mistake: evaluates the starting policy and improves it once, without repeating until stable.
import numpy as np


def policy_iteration(P, R, gamma):
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    states = np.arange(R.shape[0])
    policy = np.zeros(R.shape[0], dtype=int)
    v = np.linalg.solve(np.eye(len(states)) - gamma * P[states, policy], R[states, policy])
    return [int(a) for a in (R + gamma * P @ v).argmax(axis=1)]
