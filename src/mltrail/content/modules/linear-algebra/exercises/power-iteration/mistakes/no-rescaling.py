# Mistake: never rescales v, so its entries overflow to inf and the quotient becomes nan.
import numpy as np


def dominant_eigenvalue(a, iterations):
    v = np.ones(a.shape[0])
    for _ in range(iterations):
        v = a @ v
    return float((v @ a @ v) / (v @ v))
