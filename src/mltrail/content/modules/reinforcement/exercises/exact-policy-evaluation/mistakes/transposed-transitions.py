# Mistake: solves with the transpose of P_pi, (I - gamma P_pi^T) v = r_pi.
import numpy as np


def evaluate_policy(P, R, policy, gamma):
    P, R, pi = (np.asarray(a, dtype=float) for a in (P, R, policy))
    P_pi = np.einsum("sa,sat->st", pi, P)
    r_pi = (pi * R).sum(axis=1)
    return np.linalg.solve(np.eye(len(r_pi)) - gamma * P_pi.T, r_pi).tolist()
