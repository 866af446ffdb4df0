# Mistake: returns only one step of lookahead, r_pi + gamma * P_pi r_pi, instead of solving.
import numpy as np


def evaluate_policy(P, R, policy, gamma):
    P, R, pi = (np.asarray(a, dtype=float) for a in (P, R, policy))
    P_pi = np.einsum("sa,sat->st", pi, P)
    r_pi = (pi * R).sum(axis=1)
    return (r_pi + gamma * P_pi @ r_pi).tolist()
