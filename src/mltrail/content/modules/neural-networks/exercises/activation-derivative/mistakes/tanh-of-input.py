# Mistake: writes tanh'(z) as 1 - z**2 (squaring the input instead of tanh(z)) and sigmoid'(z) as z * (1 - z).
import numpy as np


def activation_derivative(name, z):
    z = np.asarray(z, dtype=float)
    if name == "relu":
        return np.where(z > 0, 1.0, 0.0).tolist()
    if name == "leaky_relu":
        return np.where(z > 0, 1.0, 0.01).tolist()
    if name == "sigmoid":
        return (z * (1.0 - z)).tolist()
    return (1.0 - z**2).tolist()
