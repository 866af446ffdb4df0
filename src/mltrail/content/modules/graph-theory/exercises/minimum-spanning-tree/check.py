from mltrail.grading.contract import hidden, labelled


def _connected(rng, n, p, ints):
    weight = (lambda: int(rng.integers(1, 5))) if ints else (lambda: float(round(rng.uniform(-5.0, 10.0), 2)))
    order = [int(v) for v in rng.permutation(n)]
    pairs = {tuple(sorted((order[i], order[int(rng.integers(0, i))]))) for i in range(1, n)}  # a random tree
    pairs |= {(u, v) for u in range(n) for v in range(u + 1, n) if rng.random() < p}
    missing = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in pairs]
    if len(pairs) < n and missing:  # at least one cycle, so that not every edge is in the tree
        pairs.add(missing[int(rng.integers(0, len(missing)))])
    edges = []
    for u, v in sorted(pairs):
        edges.append([u, v, weight()] if rng.random() < 0.5 else [v, u, weight()])
    rng.shuffle(edges)
    return edges


def cases(rng):
    yield labelled({"n": 4, "edges": [[0, 1, 1], [1, 2, 2], [0, 2, 3], [2, 3, 1]]}, "the worked example")
    yield labelled({"n": 1, "edges": []}, "one node: an empty tree")
    yield labelled({"n": 2, "edges": [[1, 0, 2.5]]}, "one edge")
    yield labelled({"n": 4, "edges": [[0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 0, 1]]}, "a square of equal weights")
    yield labelled({"n": 3, "edges": [[0, 1, 1], [1, 2, 1], [0, 2, 1.5]]}, "the heaviest edge of a cycle is left out")
    yield labelled({"n": 4, "edges": [[0, 1, 1], [1, 2, 1], [0, 2, 1], [2, 3, 2]]}, "a light triangle and a heavier pendant")
    yield labelled({"n": 4, "edges": [[0, 1, -2], [1, 2, 5], [2, 3, -1], [0, 3, 4], [1, 3, 0]]}, "negative weights")
    for i in range(22):
        n = int(rng.integers(3, 13))
        yield {"n": n, "edges": _connected(rng, n, float(rng.uniform(0.1, 0.6)), bool(i % 2))}
    yield hidden({"n": 40, "edges": _connected(rng, 40, 0.15, True)})


def compare(expected, got, case):
    n, edges = case.args["n"], case.args["edges"]
    if not isinstance(got, list) or not all(isinstance(e, (list, tuple)) and len(e) == 3 for e in got):
        return "return a list of edges, each a list [u, v, w] (or a tuple (u, v, w))"
    if len(got) != n - 1:
        return f"a spanning tree of {n} nodes has {n - 1} edges; you returned {len(got)}"
    weight = {}
    for u, v, w in edges:
        weight[(u, v)] = weight[(v, u)] = w
    parent = list(range(n))

    def find(v):
        while parent[v] != v:
            v = parent[v]
        return v

    total = 0.0
    for u, v, w in got:
        if (u, v) not in weight or type(u) is not int or type(v) is not int:
            return f"[{u!r}, {v!r}, {w!r}] is not an edge of the graph"
        if type(w) not in (int, float) or w != weight[(u, v)]:
            return f"the edge between {u} and {v} has weight {weight[(u, v)]!r}, not {w!r}"
        a, b = find(u), find(v)
        if a == b:
            return f"the edge [{u}, {v}, {w}] closes a cycle with edges before it: a tree has none"
        parent[a] = b
        total += w
    best = sum(e[2] for e in expected)
    if not abs(total - best) <= 1e-9 * (1.0 + sum(abs(e[2]) for e in edges)):
        return f"your tree is spanning but weighs {total!r}; a minimum spanning tree weighs {best!r}"
    return True
