from mltrail.grading.contract import hidden, labelled


def _dag(rng, n, p, cycle):
    rank = [int(v) for v in rng.permutation(n)]  # a hidden order that every edge follows
    edges = [[rank[i], rank[j]] for i in range(n) for j in range(i + 1, n) if rng.random() < p]
    if cycle and n >= 2:
        i, j = sorted(int(v) for v in rng.choice(n, size=2, replace=False))
        # close a cycle: a path rank[i] -> ... -> rank[j] exists once these edges are in
        for a in range(i, j):
            if [rank[a], rank[a + 1]] not in edges:
                edges.append([rank[a], rank[a + 1]])
        edges.append([rank[j], rank[i]])
    if edges and rng.random() < 0.3:
        edges.append(list(edges[int(rng.integers(0, len(edges)))]))
    rng.shuffle(edges)
    return edges


def cases(rng):
    yield labelled({"n": 4, "edges": [[2, 0], [0, 1], [2, 3], [3, 1]]}, "the worked example")
    yield labelled({"n": 3, "edges": [[0, 1], [1, 2], [2, 0]]}, "a cycle")
    yield labelled({"n": 1, "edges": []}, "one node")
    yield labelled({"n": 4, "edges": []}, "no edges: every order is right")
    yield labelled({"n": 5, "edges": [[4, 3], [3, 2], [2, 1], [1, 0]]}, "a chain in reverse label order")
    yield labelled({"n": 5, "edges": [[0, 1], [1, 2], [2, 1], [3, 4]]}, "a cycle in one part of the graph only")
    yield labelled({"n": 3, "edges": [[0, 2], [0, 2], [1, 2]]}, "a repeated edge")
    for i in range(22):
        n = int(rng.integers(2, 13))
        yield {"n": n, "edges": _dag(rng, n, float(rng.uniform(0.15, 0.5)), i % 3 == 2)}
    yield hidden({"n": 40, "edges": _dag(rng, 40, 0.1, False)})


def compare(expected, got, case):
    n, edges = case.args["n"], case.args["edges"]
    if expected is None:
        if got is None:
            return True
        return "this graph has a directed cycle, so no topological order exists: return None"
    if got is None:
        return "this graph has no directed cycle: return a topological order, not None"
    if not isinstance(got, list) or any(type(v) is not int for v in got):
        return "return a list of ints (the nodes), or None"
    if sorted(got) != list(range(n)):
        return f"the order must hold every node 0..{n - 1} exactly once"
    position = {v: i for i, v in enumerate(got)}
    for u, v in edges:
        if position[u] > position[v]:
            return f"the edge [{u}, {v}] goes backwards: {u} must come before {v}"
    return True
