import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng):
    K = int(rng.integers(2, 7))
    means = np.round(rng.uniform(-1.0, 2.0, size=K), 3)
    n = int(rng.integers(5, 40))
    best = int(np.argmax(means))
    weights = np.full(K, 1.0)
    weights[best] += float(rng.uniform(0.0, 4.0))  # a strategy that favours the best arm, more or less
    actions = rng.choice(K, size=n, p=weights / weights.sum())
    actions[int(rng.integers(0, n))] = (best + 1) % K  # at least one costly pull
    return {"means": means.tolist(), "actions": [int(a) for a in actions]}


def cases(rng):
    yield labelled({"means": [0.2, 0.5, 0.9], "actions": [0, 2, 1, 2]}, "the worked example")
    yield labelled({"means": [0.1, 0.4], "actions": [1, 1, 1]}, "always the best arm: no regret")
    yield labelled({"means": [-1.0, -3.0, -2.0], "actions": [1, 2, 0, 1]}, "negative means: the best is -1, not -3")
    yield labelled({"means": [0.3, 0.8], "actions": [0, 0, 0, 0, 0]}, "always the worst arm: a straight line")
    yield labelled({"means": [0.5], "actions": [0, 0]}, "one arm: nothing to regret")
    yield labelled({"means": [0.5, 0.6], "actions": []}, "no actions")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} values (one per action), got {len(got)}"
    tolerance = 1e-9 * (1 + len(expected))
    for t, (e, g) in enumerate(zip(expected, got)):
        if type(g) not in (float, int) or isinstance(g, bool):
            return f"R_{t} must be a number, not {type(g).__name__}"
        if not abs(g - e) <= tolerance:
            return f"R_{t}: expected {e!r}, got {g!r}"
    return True
