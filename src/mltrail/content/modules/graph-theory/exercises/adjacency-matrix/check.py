import numpy as np

from mltrail.grading.contract import hidden, labelled


def _edges(rng, n, p, directed, weighted):
    edges = []
    for u in range(n):
        for v in range(n):
            if u == v or (not directed and v < u) or rng.random() >= p:
                continue
            a, b = (u, v) if directed or rng.random() < 0.5 else (v, u)
            if weighted == "all" or (weighted == "some" and rng.random() < 0.5):
                w = float(np.round(rng.uniform(0.1, 9.9), 2)) * (1 if rng.random() < 0.8 else -1)
                edges.append([a, b, w])
            else:
                edges.append([a, b])
    rng.shuffle(edges)
    return edges


def cases(rng):
    yield labelled({"n": 3, "edges": [[0, 1], [1, 2, 2.5]], "directed": False}, "the worked example")
    yield labelled({"n": 3, "edges": [[0, 1], [1, 2, 2.5]], "directed": True}, "the same edges, directed")
    yield labelled({"n": 1, "edges": [], "directed": True}, "one node, no edge")
    yield labelled({"n": 4, "edges": [[3, 0, 0.5], [2, 1], [0, 2, -1.5]], "directed": False}, "mixed forms, a negative weight")
    yield labelled({"n": 4, "edges": [[0, 1], [1, 0], [2, 3, 4.0]], "directed": True}, "both directions of a directed pair")
    for i in range(22):
        n = int(rng.integers(3, 9))
        directed = bool(i % 2)
        weighted = ("none", "all", "some")[i % 3]
        yield {"n": n, "edges": _edges(rng, n, float(rng.uniform(0.2, 0.7)), directed, weighted), "directed": directed}
    yield hidden({"n": 12, "edges": _edges(rng, 12, 0.3, False, "some"), "directed": False})


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "iuf":
            return f"return numbers, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) not in (int, float) for row in got for v in row):
            return "every entry must be a number"
    else:
        return f"return a numpy array or a list of lists, not {type(got).__name__}"
    try:
        A = np.asarray(got, dtype=float)
    except ValueError:
        return "all rows must have the same length"
    if A.shape != want.shape:
        return f"expected shape {want.shape}, got {A.shape}"
    bad = np.argwhere(A != want)
    if len(bad):
        u, v = (int(t) for t in bad[0])
        return f"entry [{u}][{v}]: expected {float(want[u, v])!r}, got {float(A[u, v])!r}"
    return True
