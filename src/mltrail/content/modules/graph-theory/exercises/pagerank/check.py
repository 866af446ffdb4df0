import numpy as np

from mltrail.grading.contract import hidden, labelled


def _edges(rng, n, p):
    edges = [[u, v] for u in range(n) for v in range(n) if u != v and rng.random() < p]
    rng.shuffle(edges)
    return edges


def cases(rng):
    yield labelled({"n": 4, "edges": [[0, 1], [1, 2], [2, 0], [0, 2]], "damping": 0.85}, "the worked example")
    yield labelled({"n": 1, "edges": [], "damping": 0.85}, "one node")
    yield labelled({"n": 3, "edges": [], "damping": 0.85}, "no links: every node dangling")
    yield labelled({"n": 4, "edges": [[1, 0], [2, 0], [3, 0]], "damping": 0.85}, "a star: the centre is dangling")
    yield labelled({"n": 3, "edges": [[0, 1], [1, 2], [2, 0]], "damping": 0.5}, "a cycle")
    yield labelled({"n": 5, "edges": [[0, 1], [1, 0], [2, 0], [3, 2], [4, 3], [4, 0]], "damping": 0.95},
                   "a chain into a pair that links back and forth")
    for i in range(22):
        n = int(rng.integers(2, 16))
        damping = float(round(rng.uniform(0.5, 0.95), 3))
        yield {"n": n, "edges": _edges(rng, n, float(rng.uniform(0.05, 0.4))), "damping": damping}
    yield hidden({"n": 60, "edges": _edges(rng, 60, 0.05), "damping": 0.9})


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list):
        if any(type(v) is not float for v in got):
            return "every PageRank value must be a float"
    else:
        return f"return a list of floats or a numpy array, not {type(got).__name__}"
    r = np.asarray(got, dtype=float)
    if r.shape != want.shape:
        return f"return one value per node: {len(want)} values, not {r.shape[0] if r.ndim else 'a scalar'}"
    if not abs(r.sum() - 1.0) <= 1e-6:
        return f"PageRank values sum to 1; yours sum to {float(r.sum())!r}"
    bad = np.flatnonzero(~(np.abs(r - want) <= 1e-8))
    if len(bad):
        v = int(bad[0])
        return f"node {v}: expected {float(want[v])!r}, got {float(r[v])!r}"
    return True
