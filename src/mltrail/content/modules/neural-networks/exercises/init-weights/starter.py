import numpy as np


def init_weights(fan_in, fan_out, scheme, seed):
    """A fan_in x fan_out weight matrix: Xavier uniform or He normal."""
    rng = np.random.default_rng(seed)
    # Xavier uniform: U(-a, a) with a = sqrt(6 / (fan_in + fan_out)).
    # He normal: N(0, std**2) with std = sqrt(2 / fan_in).
    return rng.standard_normal(size=(fan_in, fan_out))
