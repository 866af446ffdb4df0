import numpy as np

from mltrail.grading.contract import hidden, labelled


def _run(rng, epsilon=None):
    T, K = int(rng.integers(8, 40)), int(rng.integers(2, 6))
    means = rng.normal(0.0, 1.0, size=K)
    rewards = np.round(means + rng.normal(0.0, 1.0, size=(T, K)), 3)
    if epsilon is None:
        epsilon = float(rng.choice([0.05, 0.1, 0.2, 0.3, 0.5]))
    draws = np.round(rng.uniform(0.0, 1.0, size=T), 4)
    draws = np.minimum(draws, 0.9999)
    arms = rng.integers(0, K, size=T)
    return {"rewards": rewards.tolist(), "epsilon": epsilon, "explore_draws": draws.tolist(),
            "explore_arms": [int(a) for a in arms]}


def cases(rng):
    yield labelled({"rewards": [[1.0, 2.0], [1.0, 2.0], [0.5, 3.0], [1.0, 2.0]], "epsilon": 0.2,
                    "explore_draws": [0.5, 0.1, 0.9, 0.7], "explore_arms": [0, 1, 0, 0]}, "the worked example")
    yield labelled({"rewards": [[1.0, 5.0, 0.0]] * 5, "epsilon": 0.0,
                    "explore_draws": [0.0, 0.5, 0.0, 0.2, 0.9], "explore_arms": [1, 1, 1, 1, 1]},
                   "epsilon = 0: never explores, even when a draw is 0.0, so arm 1 is never found")
    yield labelled({"rewards": [[1.0, 5.0, 0.0]] * 5, "epsilon": 1.0,
                    "explore_draws": [0.0, 0.5, 0.3, 0.2, 0.9999], "explore_arms": [2, 1, 0, 2, 1]},
                   "epsilon = 1: always explores, so the given arms are pulled")
    yield labelled({"rewards": [[-1.0, -2.0, -0.5]] * 4, "epsilon": 0.1,
                    "explore_draws": [0.5, 0.5, 0.5, 0.5], "explore_arms": [0, 0, 0, 0]},
                   "negative rewards: an arm not pulled yet (average 0) beats one that paid -1")
    yield labelled({"rewards": [[2.0, 1.0]] * 6, "epsilon": 0.3,
                    "explore_draws": [0.9, 0.1, 0.1, 0.1, 0.9, 0.9], "explore_arms": [0, 1, 1, 1, 0, 0]},
                   "arm 1 explored three times for 1 each: its total 3 beats arm 0's 2, its average 1 does not")
    yield labelled({"rewards": [[0.3, 0.2]], "epsilon": 0.5, "explore_draws": [0.7], "explore_arms": [1]},
                   "one step: both averages are 0, so the lowest index")
    for _ in range(22):
        yield _run(rng)
    yield hidden(_run(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "iu":
            return f"return ints (arm indices), not an array of dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of arm indices, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} actions (one per step), got {len(got)}"
    for t, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not int:
            return f"step {t}: the arm must be an int, not {type(g).__name__}"
        if g != e:
            return f"step {t}: expected arm {e}, got arm {g} (the first {t} actions were right)"
    return True
