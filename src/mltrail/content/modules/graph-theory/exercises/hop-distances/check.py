from mltrail.grading.contract import hidden, labelled


def _graph(rng, n, p, directed):
    adj = {u: [] for u in range(n)}
    for u in range(n):
        for v in range(u + 1, n):
            if rng.random() < p:
                if directed:
                    a, b = (u, v) if rng.random() < 0.5 else (v, u)
                    adj[a].append(b)
                else:
                    adj[u].append(v)
                    adj[v].append(u)
    for u in adj:
        rng.shuffle(adj[u])
    return adj


def cases(rng):
    yield labelled({"graph": {0: [1, 2], 1: [3], 2: [3], 3: [], 4: [0]}, "source": 0}, "the worked example")
    yield labelled({"graph": {0: []}, "source": 0}, "a single node")
    yield labelled({"graph": {0: [1, 3], 1: [0, 2], 2: [1, 3], 3: [2, 0]}, "source": 0}, "a square: two ways round")
    yield labelled({"graph": {0: [1, 4], 1: [2], 2: [3], 3: [4], 4: []}, "source": 0}, "a long way and a short cut")
    yield labelled({"graph": {0: [1], 1: [], 2: [0]}, "source": 1}, "nothing reachable")
    for i in range(22):
        n = int(rng.integers(3, 14))
        yield {"graph": _graph(rng, n, float(rng.uniform(0.12, 0.45)), bool(i % 2)), "source": int(rng.integers(0, n))}
    yield hidden({"graph": _graph(rng, 40, 0.08, False), "source": 0})


def compare(expected, got, case):
    if isinstance(got, tuple) or not isinstance(got, list):
        return f"return a list of ints, not {type(got).__name__}"
    if any(type(v) is not int for v in got):
        return "every distance must be an int (use -1 for a node that cannot be reached)"
    if len(got) != len(expected):
        return f"return one distance per node: {len(expected)} values, not {len(got)}"
    for v, (want, have) in enumerate(zip(expected, got)):
        if want != have:
            return f"node {v}: expected distance {want}, got {have}"
    return True
