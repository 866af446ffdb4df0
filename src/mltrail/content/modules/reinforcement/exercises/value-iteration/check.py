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
    return {"P": P.tolist(), "R": R.tolist(), "gamma": float(rng.choice([0.5, 0.8, 0.9, 0.95]))}


def cases(rng):
    P2 = [[[0.0, 1.0], [1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]]
    yield labelled({"P": P2, "R": [[0.0, 1.0], [2.0, 0.0]], "gamma": 0.5}, "the worked example")
    yield labelled({"P": P2, "R": [[0.0, 1.0], [2.0, 0.0]], "gamma": 0.0}, "gamma = 0: the best immediate reward")
    yield labelled({"P": P2, "R": [[0.0, 1.0], [2.0, 0.0]], "gamma": 0.95},
                   "a far-sighted agent: now alternating (0, 2, 0, 2, ...) beats staying (1, 1, 1, ...)")
    yield labelled({"P": [[[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]],
                          [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]],
                    "R": [[0.0, 1.0], [10.0, 10.0], [0.0, 0.0]], "gamma": 0.9},
                   "a detour: giving up 1 now to collect 10 next step (state 2 is absorbing)")
    yield labelled({"P": [[[1.0], [1.0]]], "R": [[-1.0, -2.0]], "gamma": 0.9},
                   "one state, every reward negative: the least bad action for ever, -10")
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
    m = float(np.abs(np.asarray(case.args["R"], dtype=float)).max()) / (1.0 - case.args["gamma"])
    for s, (e, g) in enumerate(zip(expected, got)):
        if type(g) not in (float, int) or isinstance(g, bool):
            return f"v[{s}] must be a number, not {type(g).__name__}"
        if not abs(g - e) <= 1e-6 * (1.0 + m):
            return f"v*[{s}]: expected {e!r}, got {g!r}"
    return True
