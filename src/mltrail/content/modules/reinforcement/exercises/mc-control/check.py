import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng):
    S, A = int(rng.integers(2, 6)), int(rng.integers(2, 4))
    episodes = []
    for _ in range(int(rng.integers(2, 8))):
        n = int(rng.integers(1, 9))
        states, actions = rng.integers(0, S, size=n), rng.integers(0, A, size=n)
        if n > 2:  # a pair visited twice, so first and every visit differ
            states[-1], actions[-1] = states[0], actions[0]
        rewards = np.round(rng.normal(0.0, 2.0, size=n), 2)
        episodes.append([[int(s), int(a), float(r)] for s, a, r in zip(states, actions, rewards)])
    return {"episodes": episodes, "n_states": S, "n_actions": A, "gamma": float(rng.choice([0.5, 0.9, 1.0])),
            "epsilon": float(rng.choice([0.0, 0.1, 0.2, 0.5]))}


def cases(rng):
    yield labelled({"episodes": [[[0, 1, 0.0], [1, 0, 1.0]], [[0, 0, 0.5]]], "n_states": 2, "n_actions": 2,
                    "gamma": 0.9, "epsilon": 0.2}, "the worked example")
    yield labelled({"episodes": [[[0, 0, 1.0], [0, 0, 1.0], [0, 1, 5.0]]], "n_states": 1, "n_actions": 2,
                    "gamma": 1.0, "epsilon": 0.1},
                   "the pair (0, 0) visited twice: only the first return, 7, counts")
    yield labelled({"episodes": [[[1, 2, -1.0]]], "n_states": 3, "n_actions": 3, "gamma": 0.9, "epsilon": 0.3},
                   "one negative return: unvisited pairs (Q = 0) become greedy")
    yield labelled({"episodes": [[[0, 1, 2.0]], [[0, 1, 4.0]], [[0, 0, 2.5]]], "n_states": 1, "n_actions": 2,
                    "gamma": 0.5, "epsilon": 0.0}, "epsilon = 0: the plain greedy policy; (0, 1) averages 2 and 4")
    yield labelled({"episodes": [[[0, 0, 1.0], [1, 1, 1.0]]], "n_states": 2, "n_actions": 2, "gamma": 1.0,
                    "epsilon": 1.0}, "epsilon = 1: the uniform policy, whatever Q says")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def _table(got, shape, name):
    if isinstance(got, list):
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return None, f"{name} must be a table of numbers (a list of lists or a 2-D array)"
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "fiu":
        return None, f"{name} must be a table of floats, not {type(got).__name__}"
    if got.shape != shape:
        return None, f"{name} must have shape {shape}, got {got.shape}"
    return got.astype(float), None


def compare(expected, got, case):
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        return "return the pair (Q, policy)"
    scale = 1.0 + sum(abs(r) for episode in case.args["episodes"] for _, _, r in episode)
    for name, e, g in (("Q", expected[0], got[0]), ("policy", expected[1], got[1])):
        e = np.asarray(e, dtype=float)
        g, message = _table(g, e.shape, name)
        if message:
            return message
        bad = np.argwhere(~(np.abs(g - e) <= 1e-9 * scale))
        if bad.size:
            s, a = (int(v) for v in bad[0])
            return f"{name}[{s}][{a}]: expected {float(e[s, a])!r}, got {float(g[s, a])!r}"
    return True
