# Mistake: computes p * log2(p) for every p with numpy, so a zero probability gives nan.
import numpy as np


def entropy_bits(probs):
    p = np.asarray(probs, dtype=float)
    return float(-np.sum(p * np.log2(p)))
