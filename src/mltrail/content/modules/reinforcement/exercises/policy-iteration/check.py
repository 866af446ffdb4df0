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
    yield labelled({"P": P2, "R": [[0.0, 1.0], [2.0, 0.0]], "gamma": 0.95},
                   "a far-sighted agent: alternating (0, 2, 0, 2, ...) now beats staying (1, 1, 1, ...)")
    yield labelled({"P": [[[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]],
                          [[0.0, 0.0, 1.0], [0.0, 0.0, 1.0]]],
                    "R": [[0.0, 1.0], [10.0, 10.0], [0.0, 0.0]], "gamma": 0.9},
                   "a detour: give up 1 now to collect 10 next step")
    yield labelled({"P": [[[1.0], [1.0]]], "R": [[-1.0, -2.0]], "gamma": 0.9}, "one state: the least bad action")
    yield labelled({"P": [[[0.5, 0.5], [1.0, 0.0]], [[0.0, 1.0], [0.0, 1.0]]], "R": [[0.0, 0.4], [1.0, 1.0]],
                    "gamma": 0.9},
                   "a gamble: 0 now and a half chance of reaching state 1, which pays 1 for ever, beats 0.4 for ever")
    stay_or_move = [[[1.0 if t == s else 0.0 for t in range(4)], [1.0 if t == min(s + 1, 3) else 0.0 for t in range(4)]]
                    for s in range(4)]
    yield labelled({"P": stay_or_move, "R": [[0.0, 0.0], [0.0, 0.0], [0.0, 1.0], [0.0, 0.0]], "gamma": 0.9},
                   "a corridor paying only at its end: the news needs several rounds of improvement to reach state 0")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def _value(P, R, policy, gamma):
    states = np.arange(R.shape[0])
    return np.linalg.solve(np.eye(len(states)) - gamma * P[states, policy], R[states, policy])


def compare(expected, got, case):
    P = np.asarray(case.args["P"], dtype=float)
    R = np.asarray(case.args["R"], dtype=float)
    gamma = case.args["gamma"]
    S, A = R.shape
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "iu" or got.ndim != 1:
            return f"return a list of S ints (one action per state), got an array of shape {got.shape}, dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of actions, not {type(got).__name__}"
    if len(got) != S:
        return f"expected {S} actions (one per state), got {len(got)}"
    if any(type(a) is not int for a in got):
        return "every action must be an int"
    if any(not 0 <= a < A for a in got):
        return f"every action must be between 0 and {A - 1}"
    best = _value(P, R, np.asarray(expected), gamma)
    yours = _value(P, R, np.asarray(got), gamma)
    m = float(np.abs(R).max()) / (1.0 - gamma)
    worse = np.flatnonzero(yours < best - 1e-9 * (1.0 + m))
    if worse.size:
        s = int(worse[0])
        return (f"your policy is not optimal: from state {s} it is worth {yours[s] + 0.0:.6g}, "
                f"an optimal policy {best[s] + 0.0:.6g} (action {expected[s]} there)")
    return True
