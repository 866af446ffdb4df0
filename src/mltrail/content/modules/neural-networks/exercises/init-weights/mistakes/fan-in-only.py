# Mistake: uses only the fan-in for Xavier (a = sqrt(6 / fan_in)) and the fan-out for He.
import numpy as np


def init_weights(fan_in, fan_out, scheme, seed):
    rng = np.random.default_rng(seed)
    if scheme == "xavier_uniform":
        a = np.sqrt(6.0 / fan_in)
        return rng.uniform(-a, a, size=(fan_in, fan_out))
    return rng.normal(0.0, np.sqrt(2.0 / fan_out), size=(fan_in, fan_out))
