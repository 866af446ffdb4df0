import numpy as np

from mltrail.grading.contract import hidden, labelled


def _run(rng):
    K = int(rng.integers(2, 6))
    T = int(rng.integers(K + 5, 60))
    means = rng.uniform(0.0, 1.0, size=K)
    rewards = np.clip(means + rng.normal(0.0, 0.3, size=(T, K)), 0.0, 1.0)
    rewards = np.round(rewards + rng.uniform(0.0, 1e-3, size=(T, K)), 6)  # no two rewards alike
    c = float(rng.choice([0.5, 1.0, float(np.sqrt(2.0)), 2.0]))
    return {"rewards": rewards.tolist(), "c": c}


def cases(rng):
    yield labelled({"rewards": [[1.0, 0.5]] * 5, "c": 2.0}, "the worked example")
    yield labelled({"rewards": [[0.2, 0.9, 0.4]] * 3, "c": 1.0}, "T = K: each arm once, nothing else")
    yield labelled({"rewards": [[1.0, 1.0]] * 6, "c": 1.0}, "two arms that always pay the same: equal scores, the lowest index wins")
    yield labelled({"rewards": [[1.0, 0.0]] * 12, "c": 1.0},
                   "a clearly better arm: the other is retried only when its bonus has grown enough")
    yield labelled({"rewards": [[0.0, 0.1, 0.0, 0.05]] * 10, "c": 0.01},
                   "a tiny c: almost greedy once each arm was tried")
    yield labelled({"rewards": [[0.9, 0.1, 0.5]] * 20, "c": 5.0},
                   "a large c: mostly the bonus decides, so every arm keeps being tried")
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
