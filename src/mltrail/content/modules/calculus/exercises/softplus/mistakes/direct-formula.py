# Mistake: computes log(1 + exp(x)) literally (numpy): overflows to inf for large x and loses the small term for very negative x.
import numpy as np


def softplus(values):
    x = np.asarray(values, dtype=float)
    with np.errstate(over="ignore"):
        return np.log(1.0 + np.exp(x)).tolist()
