from mltrail.grading.contract import hidden, labelled


def _edges(rng, n, m):
    edges = [[int(rng.integers(0, n)), int(rng.integers(0, n))] for _ in range(m)]
    return edges


def cases(rng):
    yield labelled({"n": 6, "edges": [[0, 1], [1, 2], [3, 4]]}, "the worked example")
    yield labelled({"n": 1, "edges": []}, "one node")
    yield labelled({"n": 4, "edges": []}, "no edges: every node alone")
    yield labelled({"n": 5, "edges": [[0, 1], [2, 3], [1, 3], [4, 4]]}, "two groups joined by a later edge, a self-loop")
    yield labelled({"n": 6, "edges": [[0, 1], [2, 1], [3, 2], [4, 3], [5, 0]]}, "a chain built in mixed directions")
    yield labelled({"n": 4, "edges": [[0, 1], [2, 3], [0, 2]]}, "two pairs merged by their first nodes")
    for i in range(22):
        n = int(rng.integers(2, 25))
        yield {"n": n, "edges": _edges(rng, n, int(rng.integers(0, int(1.2 * n) + 1)))}
    yield hidden({"n": 200, "edges": _edges(rng, 200, 170)})


def _components(n, edges):
    adj = {v: [] for v in range(n)}
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
    label = [-1] * n
    for s in range(n):
        if label[s] == -1:
            label[s] = s
            stack = [s]
            while stack:
                u = stack.pop()
                for v in adj[u]:
                    if label[v] == -1:
                        label[v] = s
                        stack.append(v)
    return label


def compare(expected, got, case):
    n = case.args["n"]
    if not isinstance(got, list) or any(type(v) is not int for v in got):
        return "return a list of ints, one label per node"
    if len(got) != n:
        return f"return one label per node: {n} labels, not {len(got)}"
    truth = _components(n, case.args["edges"])
    first = {}
    for v in range(n):  # the first node seen with each true component and with each label
        key = truth[v]
        if key in first:
            u = first[key]
            if got[u] != got[v]:
                return f"nodes {u} and {v} are connected, but you gave them labels {got[u]} and {got[v]}"
        else:
            first[key] = v
    owner = {}
    for v in range(n):
        if got[v] in owner and truth[owner[got[v]]] != truth[v]:
            return f"nodes {owner[got[v]]} and {v} are not connected, but both have label {got[v]}"
        owner.setdefault(got[v], v)
    return True
