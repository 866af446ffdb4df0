# Mistake: does sweeps - 1 sweeps (an off-by-one in the loop).
import numpy as np


def iterative_evaluation(P, R, policy, gamma, sweeps):
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    states = np.arange(R.shape[0])
    P_pi = P[states, policy]
    r_pi = R[states, policy]
    v = np.zeros(R.shape[0])
    for _ in range(1, sweeps):
        v = r_pi + gamma * P_pi @ v
    return v.tolist()
