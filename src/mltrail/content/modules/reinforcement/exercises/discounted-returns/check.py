import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _episode(rng):
    n = int(rng.integers(2, 15))
    kind = int(rng.integers(0, 3))
    if kind == 0:  # a sparse reward at the end, as in FrozenLake
        rewards = [0.0] * (n - 1) + [1.0]
    elif kind == 1:  # -1 per step, as in CliffWalking and Taxi, with the odd large penalty
        rewards = [-1.0] * n
        rewards[int(rng.integers(0, n))] = -100.0
    else:
        rewards = [float(v) for v in np.round(rng.normal(0.0, 2.0, size=n), 2)]
    gamma = float(rng.choice([0.5, 0.8, 0.9, 0.95, 0.99, float(np.round(rng.uniform(0.1, 0.99), 3))]))
    return {"rewards": rewards, "gamma": gamma}


def cases(rng):
    yield labelled({"rewards": [1.0, 0.0, 2.0], "gamma": 0.5}, "the worked example")
    yield labelled({"rewards": [0.0, 0.0, 0.0, 1.0], "gamma": 0.9}, "one reward at the end: 0.9**3, 0.9**2, 0.9, 1")
    yield labelled({"rewards": [-1.0, -1.0, -1.0], "gamma": 1.0}, "gamma = 1: plain sums of what is left")
    yield labelled({"rewards": [3.0, 4.0, 5.0], "gamma": 0.0}, "gamma = 0: each return is its own reward")
    yield labelled({"rewards": [7.0], "gamma": 0.9}, "a one-step episode")
    yield labelled({"rewards": [], "gamma": 0.9}, "an empty episode")
    for _ in range(22):
        yield _episode(rng)
    yield hidden(_episode(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} returns (one per step), got {len(got)}"
    scale = math.fsum(abs(r) for r in case.args["rewards"])
    for t, (e, g) in enumerate(zip(expected, got)):
        if type(g) not in (float, int) or isinstance(g, bool):
            return f"G_{t} must be a number, not {type(g).__name__}"
        if not abs(g - e) <= 1e-9 * (1.0 + scale):
            return f"G_{t}: expected {e!r}, got {g!r}"
    return True
