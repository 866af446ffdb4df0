from mltrail.grading.contract import hidden, labelled


def _network(rng, k, m, p):
    """A source, k nodes it feeds, m nodes that feed the sink, random links between and among them."""
    n = k + m + 2
    label = [0] + [int(v) + 1 for v in rng.permutation(k + m)] + [n - 1]  # hide the layers
    cap = lambda: int(rng.integers(1, 4))
    edges = [[0, i, cap()] for i in range(1, k + 1)] + [[j, n - 1, cap()] for j in range(k + 1, k + m + 1)]
    edges += [[i, j, cap()] for i in range(1, k + 1) for j in range(k + 1, k + m + 1) if rng.random() < p]
    pairs = {(e[0], e[1]) for e in edges}
    for _ in range(int(rng.integers(0, 3))):  # a few more links anywhere in the middle
        u, v = (int(t) for t in rng.integers(1, n - 1, size=2))
        if u != v and (u, v) not in pairs:
            pairs.add((u, v))
            edges.append([u, v, cap()])
    edges = [[label[u], label[v], c] for u, v, c in edges]
    rng.shuffle(edges)
    return n, edges


def cases(rng):
    yield labelled({"n": 4, "edges": [[0, 1, 3], [0, 2, 2], [1, 2, 1], [1, 3, 2], [2, 3, 3]], "source": 0, "sink": 3},
                   "the worked example")
    yield labelled({"n": 4, "edges": [[0, 1, 1], [0, 2, 1], [1, 2, 1], [1, 3, 1], [2, 3, 1]], "source": 0, "sink": 3},
                   "a path through the middle edge blocks both others until flow is sent back")
    yield labelled({"n": 3, "edges": [[0, 1, 5], [2, 1, 4]], "source": 0, "sink": 2}, "the sink cannot be reached")
    yield labelled({"n": 2, "edges": [[0, 1, 7]], "source": 0, "sink": 1}, "one edge")
    yield labelled({"n": 4, "edges": [[3, 1, 4], [1, 0, 1], [1, 2, 3], [2, 0, 9]], "source": 3, "sink": 0},
                   "the bottleneck is the first edge")
    yield labelled({"n": 6, "edges": [[0, 1, 1], [0, 2, 1], [1, 3, 1], [1, 4, 1], [2, 3, 1], [3, 5, 1], [4, 5, 1]],
                    "source": 0, "sink": 5}, "a choice made early must be undone")
    yield labelled({"n": 4, "edges": [[0, 2, 3], [2, 1, 3], [1, 3, 3], [1, 2, 1]], "source": 0, "sink": 3},
                   "edges both ways between 1 and 2")
    for _ in range(22):
        n, edges = _network(rng, int(rng.integers(2, 6)), int(rng.integers(2, 6)), float(rng.uniform(0.3, 0.7)))
        yield {"n": n, "edges": edges, "source": 0, "sink": n - 1}
    n, edges = _network(rng, 12, 12, 0.3)
    yield hidden({"n": n, "edges": edges, "source": 0, "sink": n - 1})


def compare(expected, got, case):
    if type(got) is not int:
        if type(got) is float and got == int(got):
            return True if int(got) == expected else f"expected a maximum flow of {expected}, got {got!r}"
        return f"return the value of the flow as an int, not {type(got).__name__}"
    if got != expected:
        return f"expected a maximum flow of {expected}, got {got}"
    return True
