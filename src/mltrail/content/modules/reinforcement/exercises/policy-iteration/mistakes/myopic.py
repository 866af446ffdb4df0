# Mistake: picks the action with the best immediate reward, ignoring where it leads.
import numpy as np


def policy_iteration(P, R, gamma):
    return [int(a) for a in np.asarray(R, dtype=float).argmax(axis=1)]
