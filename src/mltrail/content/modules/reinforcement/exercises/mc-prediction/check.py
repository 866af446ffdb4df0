import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng):
    S = int(rng.integers(2, 7))
    episodes = []
    for _ in range(int(rng.integers(1, 7))):
        n = int(rng.integers(1, 10))
        states = rng.integers(0, S, size=n)
        if n > 2:
            states[-1] = states[0]  # a state visited twice, so first and every visit differ
        rewards = rng.choice([-1.0, 0.0, 1.0, float(np.round(rng.normal(0.0, 2.0), 2))], size=n)
        episodes.append([[int(s), float(r)] for s, r in zip(states, rewards)])
    gamma = float(rng.choice([0.5, 0.9, 0.99, 1.0]))
    return {"episodes": episodes, "n_states": S + int(rng.integers(0, 2)), "gamma": gamma}


def cases(rng):
    yield labelled({"episodes": [[[0, 1.0], [1, 0.0], [0, 2.0]], [[1, 4.0]]], "n_states": 3, "gamma": 0.5},
                   "the worked example")
    yield labelled({"episodes": [[[0, 0.0], [0, 0.0], [0, 1.0]]], "n_states": 1, "gamma": 0.9},
                   "one state visited three times: only the first return, 0.81, counts")
    yield labelled({"episodes": [[[1, 1.0], [2, 1.0]], [[1, 3.0]], [[2, 5.0]]], "n_states": 3, "gamma": 1.0},
                   "averages over episodes; state 0 never visited")
    yield labelled({"episodes": [[[0, -1.0], [1, -1.0], [2, -1.0], [3, 10.0]]], "n_states": 4, "gamma": 0.9},
                   "a single episode: V is the returns themselves")
    yield labelled({"episodes": [[[2, 1.0], [0, 1.0], [2, 1.0], [2, 1.0]]], "n_states": 3, "gamma": 0.0},
                   "gamma = 0: the first reward after the first visit")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "fiu" or got.ndim != 1:
            return f"return a flat list or 1-D array of floats, got an array of shape {got.shape}, dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} values (one per state), got {len(got)}"
    scale = 1.0 + sum(abs(r) for episode in case.args["episodes"] for _, r in episode)
    for s, (e, g) in enumerate(zip(expected, got)):
        if type(g) not in (float, int) or isinstance(g, bool):
            return f"V[{s}] must be a number, not {type(g).__name__}"
        if not abs(g - e) <= 1e-9 * scale:
            return f"V[{s}]: expected {e!r}, got {g!r}"
    return True
