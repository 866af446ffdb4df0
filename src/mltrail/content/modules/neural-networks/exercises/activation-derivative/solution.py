import numpy as np


def activation_derivative(name, z):
    """f'(z) entry by entry for f in relu, leaky_relu, sigmoid, tanh (left slope at a corner)."""
    z = np.asarray(z, dtype=float)
    if name == "relu":
        return np.where(z > 0, 1.0, 0.0).tolist()
    if name == "leaky_relu":
        return np.where(z > 0, 1.0, 0.01).tolist()
    if name == "sigmoid":
        s = 0.5 * (1.0 + np.tanh(0.5 * z))  # sigmoid without overflow
        return (s * (1.0 - s)).tolist()
    if name == "tanh":
        return (1.0 - np.tanh(z) ** 2).tolist()
    raise ValueError(f"unknown activation {name!r}")
