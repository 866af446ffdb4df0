import math

from mltrail.grading.contract import hidden, labelled


def _edges(rng, n, p, ints):
    edges = []
    for u in range(n):
        for v in range(n):
            if u != v and rng.random() < p:
                # widely spread lengths, so that a detour of short edges often beats a long one
                spread = 10 ** rng.uniform(-1.0, 2.0)
                w = int(spread) if ints else float(round(spread, 2))
                edges.append([u, v, w])
    rng.shuffle(edges)
    return edges


def cases(rng):
    yield labelled({"n": 4, "edges": [[0, 1, 4], [0, 2, 1], [2, 1, 2], [1, 3, 1]], "source": 0, "target": 3},
                   "the worked example")
    yield labelled({"n": 1, "edges": [], "source": 0, "target": 0}, "source and target are the same node")
    yield labelled({"n": 3, "edges": [[0, 1, 1.5], [2, 0, 1.0]], "source": 0, "target": 2}, "the target cannot be reached")
    yield labelled({"n": 4, "edges": [[0, 1, 1], [1, 3, 1], [0, 2, 1], [2, 3, 1]], "source": 0, "target": 3},
                   "two shortest paths: either is right")
    yield labelled({"n": 5, "edges": [[0, 4, 10], [0, 1, 1], [1, 2, 1], [2, 3, 1], [3, 4, 1]], "source": 0, "target": 4},
                   "more edges but shorter")
    yield labelled({"n": 4, "edges": [[0, 1, 0], [1, 2, 0], [0, 2, 3], [2, 3, 2.5]], "source": 0, "target": 3},
                   "zero-length edges")
    for i in range(22):
        n = int(rng.integers(5, 12))
        s, t = (int(v) for v in rng.choice(n, size=2, replace=False))
        yield {"n": n, "edges": _edges(rng, n, float(rng.uniform(0.3, 0.6)), bool(i % 2)), "source": s, "target": t}
    yield hidden({"n": 40, "edges": _edges(rng, 40, 0.08, False), "source": 0, "target": 39})


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (distance, path)"
    distance, path = got
    if type(distance) not in (int, float):
        return f"the distance must be a number, not {type(distance).__name__}"
    if not isinstance(path, list) or any(type(v) is not int for v in path):
        return "the path must be a list of ints (nodes)"
    want = expected[0]
    source, target = case.args["source"], case.args["target"]
    if want == math.inf:
        if distance != math.inf or path:
            return f"{target} cannot be reached from {source}: return (math.inf, [])"
        return True
    tolerance = 1e-9 * (1.0 + abs(want))
    if not abs(distance - want) <= tolerance:
        return f"the shortest distance is {want!r}, you returned {distance!r}"
    if not path or path[0] != source or path[-1] != target:
        return f"the path must go from the source {source} to the target {target}"
    if len(set(path)) != len(path):
        return "the path visits a node twice"
    length = {(u, v): w for u, v, w in case.args["edges"]}
    total = 0.0
    for u, v in zip(path, path[1:]):
        if (u, v) not in length:
            return f"there is no edge from {u} to {v}"
        total += length[(u, v)]
    if not abs(total - want) <= tolerance:
        return f"your path has length {total!r}, but the shortest distance is {want!r}"
    return True
