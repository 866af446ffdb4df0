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
    yield labelled({"graph": {0: [1], 1: [0, 2], 2: [1, 3], 3: [2]}, "source": 2}, "a path, started in the middle")
    yield labelled({"graph": {0: [1, 2], 1: [0, 3], 2: [0, 4], 3: [1, 5], 4: [2], 5: [3]}, "source": 0},
                   "a deep branch and a shallow one")
    yield labelled({"graph": {0: [1, 2, 3], 1: [4], 2: [4], 3: [4], 4: [0]}, "source": 4}, "a directed cycle")
    for i in range(22):
        n = int(rng.integers(5, 14))
        directed = i % 3 == 2
        p = float(rng.uniform(0.3, 0.6)) if directed else float(rng.uniform(0.2, 0.45))
        yield {"graph": _graph(rng, n, p, directed), "source": int(rng.integers(0, n))}
    yield hidden({"graph": _graph(rng, 30, 0.12, False), "source": 0})


def _bfs_problem(graph, source, order):
    """None if `order` is an order in which BFS from source can visit the graph, else why not."""
    if not order or order[0] != source:
        return f"the order must start with the source {source}"
    if len(set(order)) != len(order):
        return "a node appears twice in your order"
    unknown = [v for v in order if v not in graph]
    if unknown:
        return f"{unknown[0]!r} is not a node of the graph"
    seen = {source}
    position = 1
    for u in order:  # replay BFS: the unseen neighbours of u must come next, in some order
        new = [v for v in dict.fromkeys(graph[u]) if v not in seen]
        block = order[position:position + len(new)]
        if any(v not in block for v in new):
            return (f"when BFS takes {u} from the queue, its unvisited neighbours {sorted(new)} join the "
                    f"queue (in any order), so they come right after the nodes queued before them, at "
                    f"positions {position} to {position + len(new) - 1} of the order; yours has {block} there")
        seen.update(new)
        position += len(new)
    if position != len(order):
        return f"{order[position]} is not reachable at that point of the search"
    return None


def compare(expected, got, case):
    if not isinstance(got, list):
        return f"return a list of nodes, not {type(got).__name__}"
    if any(type(v) is not int for v in got):
        return "every node in the list must be an int"
    if len(got) != len(expected):
        return f"{len(expected)} nodes are reachable from the source; your list has {len(got)}"
    problem = _bfs_problem(case.args["graph"], case.args["source"], got)
    return problem or True
