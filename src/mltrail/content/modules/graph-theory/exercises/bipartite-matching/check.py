from mltrail.grading.contract import hidden, labelled


def _edges(rng, a, b, p):
    edges = [[i, j] for i in range(a) for j in range(b) if rng.random() < p]
    while len({i for i, _ in edges}) == len(edges) == len({j for _, j in edges}):
        # the edges alone would form a matching: give one left node a second choice
        i = edges[0][0] if edges else 0
        edges.append([i, next(j for j in range(b) if [i, j] not in edges)])
    rng.shuffle(edges)
    return edges


def cases(rng):
    yield labelled({"n_left": 3, "n_right": 2, "edges": [[0, 0], [0, 1], [1, 0], [2, 0]]}, "the worked example")
    yield labelled({"n_left": 1, "n_right": 1, "edges": []}, "no edges: the empty matching")
    yield labelled({"n_left": 2, "n_right": 3, "edges": [[0, 2], [1, 2]]}, "two left nodes want one right node")
    yield labelled({"n_left": 3, "n_right": 3, "edges": [[0, 0], [0, 1], [1, 0], [1, 2], [2, 0]]},
                   "a perfect matching that a greedy pass misses")
    yield labelled({"n_left": 4, "n_right": 4, "edges": [[0, 0], [0, 1], [1, 1], [1, 2], [2, 2], [2, 3], [3, 0]]},
                   "a long augmenting path")
    for _ in range(22):
        a, b = int(rng.integers(4, 10)), int(rng.integers(4, 10))
        yield {"n_left": a, "n_right": b, "edges": _edges(rng, a, b, float(rng.uniform(0.15, 0.35)))}
    yield hidden({"n_left": 40, "n_right": 35, "edges": _edges(rng, 40, 35, 0.06)})


def compare(expected, got, case):
    if not isinstance(got, list) or not all(isinstance(p, (list, tuple)) and len(p) == 2 for p in got):
        return "return a list of pairs [i, j]"
    allowed = {(i, j) for i, j in case.args["edges"]}
    lefts, rights = set(), set()
    for i, j in got:
        if type(i) is not int or type(j) is not int or (i, j) not in allowed:
            return f"[{i!r}, {j!r}] is not an edge of the graph"
        if i in lefts:
            return f"left node {i} is in two pairs"
        if j in rights:
            return f"right node {j} is in two pairs"
        lefts.add(i)
        rights.add(j)
    if len(got) != len(expected):
        return f"your matching is valid but has {len(got)} pair(s); a maximum matching has {len(expected)}"
    return True
