import numpy as np


def evaluate_policy(P, R, policy, gamma):
    """v_pi for a stochastic policy, by solving (I - gamma P_pi) v = r_pi."""
    P, R, pi = (np.asarray(a, dtype=float) for a in (P, R, policy))
    n_states = R.shape[0]
    P_pi = np.einsum("sa,sat->st", pi, P)
    r_pi = (pi * R).sum(axis=1)
    return np.linalg.solve(np.eye(n_states) - gamma * P_pi, r_pi).tolist()
