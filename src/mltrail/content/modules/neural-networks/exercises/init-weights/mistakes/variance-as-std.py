# Mistake: uses the target variance 2 / fan_in as the standard deviation of He normal, and a = sqrt(2 / (fan_in + fan_out)) for Xavier.
import numpy as np


def init_weights(fan_in, fan_out, scheme, seed):
    rng = np.random.default_rng(seed)
    if scheme == "xavier_uniform":
        a = np.sqrt(2.0 / (fan_in + fan_out))
        return rng.uniform(-a, a, size=(fan_in, fan_out))
    return rng.normal(0.0, 2.0 / fan_in, size=(fan_in, fan_out))
