import numpy as np

from mltrail.grading.contract import hidden, labelled


def random_mdp(rng):
    """A random MDP with sparse transitions and one large reward, so that looking ahead matters."""
    S, A = int(rng.integers(2, 8)), int(rng.integers(2, 4))
    P = np.zeros((S, A, S))
    for s in range(S):
        for a in range(A):
            support = rng.choice(S, size=int(rng.integers(1, min(3, S) + 1)), replace=False)
            P[s, a, support] = np.round(rng.dirichlet(np.ones(len(support))), 3)
            P[s, a, support[0]] += 1.0 - P[s, a].sum()
    R = np.round(rng.normal(0.0, 1.0, size=(S, A)), 2)
    R[int(rng.integers(S)), int(rng.integers(A))] += 5.0
    return P, R


def _problem(rng):
    P, R = random_mdp(rng)
    S, A = R.shape
    if rng.uniform() < 0.3:  # a deterministic policy, written as one-hot rows
        policy = np.eye(A)[rng.integers(0, A, size=S)]
    else:
        policy = np.round(rng.dirichlet(np.ones(A), size=S), 3)
        policy[:, 0] += 1.0 - policy.sum(axis=1)
    gamma = float(rng.choice([0.5, 0.8, 0.9, 0.95]))
    return {"P": P.tolist(), "R": R.tolist(), "policy": policy.tolist(), "gamma": gamma}


def cases(rng):
    P2 = [[[0.0, 1.0], [1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]]
    yield labelled({"P": P2, "R": [[0.0, 1.0], [2.0, 0.0]], "policy": [[0.5, 0.5], [1.0, 0.0]], "gamma": 0.5},
                   "the worked example")
    yield labelled({"P": [[[1.0]]], "R": [[1.0]], "policy": [[1.0]], "gamma": 0.9},
                   "one state that pays 1 for ever: 1 / (1 - 0.9) = 10")
    yield labelled({"P": P2, "R": [[0.0, 1.0], [2.0, 0.0]], "policy": [[0.5, 0.5], [1.0, 0.0]], "gamma": 0.0},
                   "gamma = 0: the value is the expected immediate reward")
    yield labelled({"P": [[[0.0, 1.0, 0.0]], [[0.0, 0.0, 1.0]], [[0.0, 0.0, 1.0]]], "R": [[0.0], [1.0], [0.0]],
                    "policy": [[1.0], [1.0], [1.0]], "gamma": 0.9},
                   "a chain 0 -> 1 -> 2 with 2 absorbing: v = [0.9, 1, 0]")
    yield labelled({"P": [[[0.0, 1.0], [1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]], "R": [[-1.0, 0.0], [0.0, 3.0]],
                    "policy": [[1.0, 0.0], [0.0, 1.0]], "gamma": 0.95},
                   "state 0 pays -1 to reach state 1, which pays 3 for ever")
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
    R = np.asarray(case.args["R"], dtype=float)
    m = float(np.abs(R).max()) / (1.0 - case.args["gamma"])
    for s, (e, g) in enumerate(zip(expected, got)):
        if type(g) not in (float, int) or isinstance(g, bool):
            return f"v[{s}] must be a number, not {type(g).__name__}"
        if not abs(g - e) <= 1e-8 * (1.0 + m):
            return f"v[{s}]: expected {e!r}, got {g!r}"
    return True
