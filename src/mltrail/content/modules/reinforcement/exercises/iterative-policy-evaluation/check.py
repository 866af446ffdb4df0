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
    policy = [int(a) for a in rng.integers(0, A, size=S)]
    gamma = float(rng.choice([0.5, 0.8, 0.9, 0.95, 1.0]))
    return {"P": P.tolist(), "R": R.tolist(), "policy": policy, "gamma": gamma, "sweeps": int(rng.integers(2, 12))}


def cases(rng):
    P2 = [[[0.0, 1.0], [1.0, 0.0]], [[1.0, 0.0], [0.0, 1.0]]]
    R2 = [[0.0, 1.0], [2.0, 0.0]]
    yield labelled({"P": P2, "R": R2, "policy": [0, 0], "gamma": 0.5, "sweeps": 2}, "the worked example")
    yield labelled({"P": P2, "R": R2, "policy": [1, 0], "gamma": 0.5, "sweeps": 0}, "no sweep: v is still 0")
    yield labelled({"P": P2, "R": R2, "policy": [1, 0], "gamma": 0.9, "sweeps": 1}, "one sweep: the immediate rewards")
    yield labelled({"P": [[[1.0]]], "R": [[1.0]], "policy": [0], "gamma": 0.5, "sweeps": 3},
                   "one state paying 1: 1 + 0.5 + 0.25 after three sweeps")
    yield labelled({"P": [[[0.0, 1.0, 0.0]], [[0.0, 0.0, 1.0]], [[0.0, 0.0, 1.0]]], "R": [[0.0], [0.0], [1.0]],
                    "policy": [0, 0, 0], "gamma": 1.0, "sweeps": 2},
                   "a chain 0 -> 1 -> 2 paying 1 in state 2: news of it travels one state per sweep")
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
    scale = 1.0 + float(np.abs(np.asarray(case.args["R"], dtype=float)).max()) * case.args["sweeps"]
    for s, (e, g) in enumerate(zip(expected, got)):
        if type(g) not in (float, int) or isinstance(g, bool):
            return f"v[{s}] must be a number, not {type(g).__name__}"
        if not abs(g - e) <= 1e-9 * scale:
            return f"v[{s}] after {case.args['sweeps']} sweeps: expected {e!r}, got {g!r}"
    return True
