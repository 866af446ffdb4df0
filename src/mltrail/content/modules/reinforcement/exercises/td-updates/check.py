import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng, method=None):
    S, A = int(rng.integers(2, 6)), int(rng.integers(2, 5))
    Q = np.round(rng.normal(0.0, 2.0, size=(S, A)), 2)
    n = int(rng.integers(3, 12))
    transitions = []
    for _ in range(n):
        s, a, s2, a2 = int(rng.integers(S)), int(rng.integers(A)), int(rng.integers(S)), int(rng.integers(A))
        if rng.uniform() < 0.5:  # often the action taken next is not the greedy one
            a2 = int(np.argmin(Q[s2]))
        r = float(rng.choice([-1.0, 0.0, 1.0, float(np.round(rng.normal(0.0, 3.0), 2))]))
        transitions.append([s, a, r, s2, a2, bool(rng.uniform() < 0.2)])
    transitions[int(rng.integers(n))][5] = False
    method = method or str(rng.choice(["q-learning", "sarsa"]))
    return {"Q": Q.tolist(), "transitions": transitions, "alpha": float(rng.choice([0.1, 0.5, 0.9, 1.0])),
            "gamma": float(rng.choice([0.9, 0.95, 0.99, 1.0])), "method": method}


def cases(rng):
    Q = [[0.0, 0.0], [1.0, 3.0]]
    yield labelled({"Q": Q, "transitions": [[0, 1, 2.0, 1, 0, False]], "alpha": 0.5, "gamma": 0.9, "method": "sarsa"},
                   "the worked example, SARSA")
    yield labelled({"Q": Q, "transitions": [[0, 1, 2.0, 1, 0, False]], "alpha": 0.5, "gamma": 0.9,
                    "method": "q-learning"}, "the worked example, Q-learning")
    yield labelled({"Q": Q, "transitions": [[0, 0, 5.0, 1, 1, True]], "alpha": 0.5, "gamma": 0.9,
                    "method": "q-learning"}, "a last transition (done): the target is the reward alone")
    yield labelled({"Q": [[0.0, 0.0], [0.0, 0.0]],
                    "transitions": [[0, 0, 1.0, 1, 0, False], [1, 1, 10.0, 0, 0, True], [0, 0, 1.0, 1, 1, False]],
                    "alpha": 1.0, "gamma": 1.0, "method": "sarsa"},
                   "updates in order: the third transition sees the second one's new value")
    yield labelled({"Q": [[2.0, -1.0], [4.0, -3.0]], "transitions": [[1, 0, 0.0, 0, 1, False]] * 3, "alpha": 0.5,
                    "gamma": 0.5, "method": "sarsa"}, "SARSA follows the poor action taken next, Q-learning would not")
    for i in range(22):
        yield _problem(rng, "q-learning" if i % 2 else "sarsa")
    yield hidden(_problem(rng))


def compare(expected, got, case):
    expected = np.asarray(expected, dtype=float)
    if isinstance(got, list):
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return "return a table of numbers: a list of S lists of A floats"
    if not isinstance(got, np.ndarray) or got.dtype.kind not in "fiu":
        return f"return a table of floats (list of lists or 2-D array), not {type(got).__name__}"
    if got.shape != expected.shape:
        return f"expected a table of shape {expected.shape}, got shape {got.shape}"
    rewards = [abs(t[2]) for t in case.args["transitions"]]
    m = max([float(np.abs(np.asarray(case.args["Q"], dtype=float)).max())] + rewards)
    bad = np.argwhere(~(np.abs(got - expected) <= 1e-9 * (1.0 + m)))
    if bad.size:
        s, a = (int(v) for v in bad[0])
        return f"Q[{s}][{a}]: expected {float(expected[s, a])!r}, got {float(got[s, a])!r}"
    return True
