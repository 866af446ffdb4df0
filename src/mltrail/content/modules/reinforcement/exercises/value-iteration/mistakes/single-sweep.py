# Mistake: stops after one sweep, returning the best immediate reward max_a R(s, a).
import numpy as np


def value_iteration(P, R, gamma):
    P, R = np.asarray(P, dtype=float), np.asarray(R, dtype=float)
    V = np.zeros(R.shape[0])
    V = (R + gamma * P @ V).max(axis=1)
    return V.tolist()
