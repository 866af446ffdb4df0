# Mistake: updates the values in place during a sweep (Gauss-Seidel), not from the previous vector.
import numpy as np


def iterative_evaluation(P, R, policy, gamma, sweeps):
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    v = np.zeros(R.shape[0])
    for _ in range(sweeps):
        for s in range(len(v)):
            a = policy[s]
            v[s] = R[s, a] + gamma * P[s, a] @ v
    return v.tolist()
