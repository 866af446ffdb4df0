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
    yield labelled({"graph": {0: [1, 2], 1: [3], 2: [], 3: [2], 4: [0]}, "source": 0}, "the worked example")
    yield labelled({"graph": {0: []}, "source": 0}, "a single node")
    yield labelled({"graph": {0: [1, 2], 1: [0, 2], 2: [0, 1, 3], 3: [2]}, "source": 0}, "a triangle with a tail")
    yield labelled({"graph": {0: [1, 2], 1: [0, 3], 2: [0, 3], 3: [1, 2, 4], 4: [3]}, "source": 0},
                   "a square: go deep before backing up")
    yield labelled({"graph": {0: [1, 2], 1: [], 2: [4, 3], 3: [1], 4: []}, "source": 0},
                   "a neighbour of the source reached again deeper down")
    yield labelled({"graph": {0: [1, 4], 1: [2], 2: [3], 3: [1], 4: [5], 5: []}, "source": 0}, "a directed cycle and a branch")
    for i in range(22):
        n = int(rng.integers(5, 14))
        directed = i % 3 == 2
        p = float(rng.uniform(0.3, 0.6)) if directed else float(rng.uniform(0.2, 0.45))
        yield {"graph": _graph(rng, n, p, directed), "source": int(rng.integers(0, n))}
    yield hidden({"graph": _graph(rng, 30, 0.12, False), "source": 0})


def _dfs_problem(graph, source, order):
    """None if `order` is a preorder in which DFS from source can visit the graph, else why not."""
    if not order or order[0] != source:
        return f"the order must start with the source {source}"
    if len(set(order)) != len(order):
        return "a node appears twice in your order"
    unknown = [v for v in order if v not in graph]
    if unknown:
        return f"{unknown[0]!r} is not a node of the graph"
    seen = {source}
    path = [source]  # the current path of the search, from the source
    for v in order[1:]:
        # back up while the node at the end of the path has no unvisited neighbour
        while path and all(w in seen for w in graph[path[-1]]):
            path.pop()
        if not path:
            return f"{v} is not reachable from the source"
        u = path[-1]
        if v not in graph[u]:
            options = sorted(w for w in dict.fromkeys(graph[u]) if w not in seen)
            return (f"{v} cannot come next: the search is at {u}, which still has unvisited "
                    f"neighbours {options}, so it must go to one of them")
        seen.add(v)
        path.append(v)
    while path and all(w in seen for w in graph[path[-1]]):
        path.pop()
    if path:
        left = sorted(w for w in dict.fromkeys(graph[path[-1]]) if w not in seen)
        return f"your order stops early: {left[0]} is reachable but missing"
    return None


def compare(expected, got, case):
    if not isinstance(got, list):
        return f"return a list of nodes, not {type(got).__name__}"
    if any(type(v) is not int for v in got):
        return "every node in the list must be an int"
    problem = _dfs_problem(case.args["graph"], case.args["source"], got)
    if problem:
        return problem
    if len(got) != len(expected):
        return f"{len(expected)} nodes are reachable from the source; your list has {len(got)}"
    return True
