import numpy as np


def init_weights(fan_in, fan_out, scheme, seed):
    """A fan_in x fan_out weight matrix: Xavier uniform or He normal."""
    rng = np.random.default_rng(seed)
    if scheme == "xavier_uniform":
        a = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-a, a, size=(fan_in, fan_out))
    if scheme == "he_normal":
        return rng.normal(0.0, np.sqrt(2.0 / fan_in), size=(fan_in, fan_out))
    raise ValueError(f"unknown scheme {scheme!r}")
