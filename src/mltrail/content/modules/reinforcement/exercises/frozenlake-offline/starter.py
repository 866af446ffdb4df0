import numpy as np


def fit_policy(transitions, n_states, n_actions):
    # Always "left": a constant policy that ignores the logs.
    # Replace it with a policy learned from the logged transitions.
    return np.zeros(n_states, dtype=int)
