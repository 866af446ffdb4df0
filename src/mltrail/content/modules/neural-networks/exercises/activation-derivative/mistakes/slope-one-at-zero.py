# Mistake: takes the right slope at z = 0 (1 for ReLU and leaky ReLU) and forgets the 0.01 slope of leaky ReLU on the left.
import numpy as np


def activation_derivative(name, z):
    z = np.asarray(z, dtype=float)
    if name in ("relu", "leaky_relu"):
        return np.where(z >= 0, 1.0, 0.0).tolist()
    if name == "sigmoid":
        s = 0.5 * (1.0 + np.tanh(0.5 * z))
        return (s * (1.0 - s)).tolist()
    return (1.0 - np.tanh(z) ** 2).tolist()
