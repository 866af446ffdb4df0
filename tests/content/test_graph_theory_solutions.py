"""Every function exercise of the graph-theory module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (scipy.sparse.csgraph and scipy.spatial
calls where the exercise does not forbid them, recursion or a stack of iterators instead of a
queue or a stack, frontier sets, Bellman-Ford or an O(n^2) scan instead of a heap, Prim or
reverse-delete instead of Kruskal, a traversal or label propagation instead of union-find, an
eigenvector or plain power iteration instead of a linear solve, augmenting paths by depth-first
search, breadth-first search or the widest path, a unit-capacity flow for a matching) are graded by the real
grader for a few seeds. They use only libraries the sandbox has already imported (numpy,
scipy): a slow first import of another package can run past the time limit that the grader
derives from the reference. Many of these
exercises have several right answers (BFS and DFS orders, topological orders, shortest paths and
spanning trees with ties, matchings, component labels): a check that rejects one of these
solutions compares with the reference's particular answer instead of checking validity, or
demands something the prompt does not state.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1)
MODULE = "graph-theory"
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "adjacency-matrix": {
        "scipy-coo": """
            import numpy as np
            from scipy.sparse import coo_matrix

            def adjacency_matrix(n, edges, directed):
                rows, cols, vals = [], [], []
                for e in edges:
                    w = e[2] if len(e) == 3 else 1.0
                    rows.append(e[0]); cols.append(e[1]); vals.append(w)
                    if not directed:
                        rows.append(e[1]); cols.append(e[0]); vals.append(w)
                return coo_matrix((np.array(vals, dtype=float), (rows, cols)), shape=(n, n)).toarray()
        """,
        "lists-of-ints": """
            def adjacency_matrix(n, edges, directed):
                A = [[0] * n for _ in range(n)]
                for e in edges:
                    u, v, *w = e
                    A[u][v] = w[0] if w else 1
                    if not directed:
                        A[v][u] = A[u][v]
                return A
        """,
    },
    "bfs-order": {
        "list-with-head": """
            def bfs_order(graph, source):
                # a plain list as the queue, read from a moving head index; parents recorded
                parent = {source: None}
                queue = [source]
                head = 0
                while head < len(queue):
                    u = queue[head]
                    head += 1
                    for v in graph[u]:
                        if v not in parent:
                            parent[v] = u
                            queue.append(v)
                return queue
        """,
        "layers-sorted": """
            def bfs_order(graph, source):
                # layer by layer, each layer in decreasing node order: another valid BFS order
                order, seen, layer = [source], {source}, [source]
                while layer:
                    nxt = []
                    for u in layer:
                        for v in sorted(graph[u], reverse=True):
                            if v not in seen:
                                seen.add(v)
                                nxt.append(v)
                    order += nxt
                    layer = nxt
                return order
        """,
    },
    "dfs-order": {
        "recursive-sorted": """
            import sys

            def dfs_order(graph, source):
                sys.setrecursionlimit(10000)
                order, seen = [], set()

                def visit(u):
                    seen.add(u)
                    order.append(u)
                    for v in sorted(graph[u], reverse=True):  # another neighbour order
                        if v not in seen:
                            visit(v)

                visit(source)
                return order
        """,
        "iterator-stack": """
            def dfs_order(graph, source):
                # a stack of neighbour iterators: each node resumes where it left off
                order, seen = [source], {source}
                stack = [iter(graph[source])]
                while stack:
                    for v in stack[-1]:
                        if v not in seen:
                            seen.add(v)
                            order.append(v)
                            stack.append(iter(graph[v]))
                            break
                    else:
                        stack.pop()
                return order
        """,
    },
    "hop-distances": {
        "frontier-sets": """
            def hop_distances(graph, source):
                dist = {source: 0}
                frontier = {source}
                k = 0
                while frontier:
                    k += 1
                    frontier = {v for u in frontier for v in graph[u] if v not in dist}
                    for v in frontier:
                        dist[v] = k
                return [dist.get(v, -1) for v in range(len(graph))]
        """,
        "scipy-csgraph": """
            import numpy as np
            from scipy.sparse import csr_matrix
            from scipy.sparse.csgraph import shortest_path

            def hop_distances(graph, source):
                n = len(graph)
                rows = [u for u in graph for v in graph[u]]
                cols = [v for u in graph for v in graph[u]]
                A = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
                d = shortest_path(A, directed=True, unweighted=True, indices=source)
                return [int(x) if np.isfinite(x) else -1 for x in d]
        """,
    },
    "dijkstra": {
        "array-scan": """
            import math

            def shortest_path(n, edges, source, target):
                # O(n^2) Dijkstra without a heap: scan for the closest unsettled node
                w = {}
                for u, v, c in edges:
                    w.setdefault(u, []).append((v, c))
                dist = [math.inf] * n
                prev = [-1] * n
                dist[source] = 0
                settled = [False] * n
                for _ in range(n):
                    u = min((i for i in range(n) if not settled[i]), key=lambda i: dist[i])
                    if dist[u] == math.inf:
                        break
                    settled[u] = True
                    for v, c in w.get(u, []):
                        if dist[u] + c < dist[v]:
                            dist[v], prev[v] = dist[u] + c, u
                if dist[target] == math.inf:
                    return math.inf, []
                path = [target]
                while path[-1] != source:
                    path.append(prev[path[-1]])
                path.reverse()
                return dist[target], path
        """,
        "bellman-ford-lists": """
            def shortest_path(n, edges, source, target):
                # Bellman-Ford with predecessor pointers: another algorithm, another tie-breaking
                INF = float("inf")
                dist = [INF] * n
                prev = [None] * n
                dist[source] = 0.0
                for _ in range(n - 1):
                    changed = False
                    for u, v, w in edges:
                        if dist[u] + w < dist[v]:
                            dist[v] = dist[u] + w
                            prev[v] = u
                            changed = True
                    if not changed:
                        break
                if dist[target] == INF:
                    return INF, []
                path = [target]
                while path[-1] != source:
                    path.append(prev[path[-1]])
                return float(dist[target]), path[::-1]
        """,
    },
    "topological-sort": {
        "dfs-postorder": """
            def topological_order(n, edges):
                out = [[] for _ in range(n)]
                for u, v in edges:
                    out[u].append(v)
                state = [0] * n
                finished = []
                for s in range(n - 1, -1, -1):
                    if state[s]:
                        continue
                    stack = [(s, iter(out[s]))]
                    state[s] = 1
                    while stack:
                        u, it = stack[-1]
                        for v in it:
                            if state[v] == 1:
                                return None
                            if state[v] == 0:
                                state[v] = 1
                                stack.append((v, iter(out[v])))
                                break
                        else:
                            stack.pop()
                            state[u] = 2
                            finished.append(u)
                return finished[::-1]
        """,
        "peel-sources": """
            def topological_order(n, edges):
                remaining = set(range(n))
                order = []
                while remaining:
                    blocked = {v for u, v in edges if u in remaining and v in remaining}
                    sources = sorted(remaining - blocked, reverse=True)
                    if not sources:
                        return None
                    order += sources
                    remaining -= set(sources)
                return order
        """,
    },
    "connected-components": {
        "bfs-labels": """
            from collections import deque

            def component_labels(n, edges):
                adj = [[] for _ in range(n)]
                for u, v in edges:
                    adj[u].append(v)
                    adj[v].append(u)
                label = [None] * n
                count = 0
                for s in range(n):
                    if label[s] is None:
                        label[s] = count
                        queue = deque([s])
                        while queue:
                            u = queue.popleft()
                            for v in adj[u]:
                                if label[v] is None:
                                    label[v] = count
                                    queue.append(v)
                        count += 1
                return label
        """,
        "min-label-propagation": """
            import numpy as np

            def component_labels(n, edges):
                # every node repeatedly takes the smallest label among itself and its neighbours
                labels = np.arange(n)
                if not edges:
                    return labels.tolist()
                u = np.array([e[0] for e in edges])
                v = np.array([e[1] for e in edges])
                while True:
                    new = labels.copy()
                    np.minimum.at(new, u, labels[v])
                    np.minimum.at(new, v, labels[u])
                    if np.array_equal(new, labels):
                        return [int(x) * 7 + 3 for x in labels]  # any labels will do
                    labels = new
        """,
    },
    "minimum-spanning-tree": {
        "kruskal-tuples": """
            def minimum_spanning_tree(n, edges):
                parent = list(range(n))

                def root(v):
                    while parent[v] != v:
                        parent[v] = parent[parent[v]]
                        v = parent[v]
                    return v

                tree = []
                for u, v, w in sorted(edges, key=lambda e: e[2]):
                    a, b = root(u), root(v)
                    if a != b:
                        parent[a] = b
                        tree.append((u, v, w))  # tuples, as the prompt allows
                return tree
        """,
        "prim": """
            import heapq

            def minimum_spanning_tree(n, edges):
                adj = [[] for _ in range(n)]
                for u, v, w in edges:
                    adj[u].append((w, u, v))
                    adj[v].append((w, v, u))
                inside = {n - 1}
                heap = list(adj[n - 1])
                heapq.heapify(heap)
                tree = []
                while heap and len(inside) < n:
                    w, u, v = heapq.heappop(heap)
                    if v in inside:
                        continue
                    inside.add(v)
                    tree.append([v, u, w])  # the other orientation
                    for item in adj[v]:
                        if item[2] not in inside:
                            heapq.heappush(heap, item)
                return tree
        """,
        "reverse-delete": """
            def minimum_spanning_tree(n, edges):
                kept = sorted(([u, v, w] for u, v, w in edges), key=lambda e: e[2], reverse=True)

                def connected(es):
                    adj = {v: [] for v in range(n)}
                    for u, v, _ in es:
                        adj[u].append(v)
                        adj[v].append(u)
                    seen, stack = {0}, [0]
                    while stack:
                        for v in adj[stack.pop()]:
                            if v not in seen:
                                seen.add(v)
                                stack.append(v)
                    return len(seen) == n

                i = 0
                while i < len(kept):  # drop the heaviest edge whose removal keeps the graph connected
                    trial = kept[:i] + kept[i + 1:]
                    if connected(trial):
                        kept = trial
                    else:
                        i += 1
                return kept
        """,
    },
    "pagerank": {
        "power-iteration": """
            def pagerank(n, edges, damping):
                out = [[] for _ in range(n)]
                for u, v in edges:
                    out[u].append(v)
                r = [1.0 / n] * n
                for _ in range(10000):
                    dangling = sum(r[u] for u in range(n) if not out[u])
                    new = [(1 - damping) / n + damping * dangling / n] * n
                    for u in range(n):
                        for v in out[u]:
                            new[v] += damping * r[u] / len(out[u])
                    change = max(abs(a - b) for a, b in zip(new, r))
                    r = new
                    if change < 1e-15:
                        break
                return r
        """,
        "eigenvector": """
            import numpy as np

            def pagerank(n, edges, damping):
                P = np.zeros((n, n))
                for u, v in edges:
                    P[u, v] = 1.0
                out = P.sum(axis=1)
                P[out == 0] = 1.0  # dangling rows: uniform
                P = P / P.sum(axis=1, keepdims=True)
                G = damping * P.T + (1 - damping) / n
                values, vectors = np.linalg.eig(G)
                r = np.real(vectors[:, np.argmin(np.abs(values - 1.0))])
                return r / r.sum()
        """,
    },
    "max-flow": {
        "dfs-augmenting": """
            def max_flow(n, edges, source, sink):
                cap = {}
                adj = [set() for _ in range(n)]
                for u, v, c in edges:
                    cap[(u, v)] = cap.get((u, v), 0) + c
                    cap.setdefault((v, u), 0)
                    adj[u].add(v)
                    adj[v].add(u)

                def push(u, limit, seen):
                    if u == sink:
                        return limit
                    seen.add(u)
                    for v in adj[u]:
                        if v not in seen and cap[(u, v)] > 0:
                            got = push(v, min(limit, cap[(u, v)]), seen)
                            if got:
                                cap[(u, v)] -= got
                                cap[(v, u)] += got
                                return got
                    return 0

                total = 0
                while True:
                    got = push(source, float("inf"), set())
                    if not got:
                        return int(total)
                    total += got
        """,
        "fattest-path": """
            import heapq

            def max_flow(n, edges, source, sink):
                # augment along the path of largest bottleneck, found by a Dijkstra-like search
                res = [dict() for _ in range(n)]
                for u, v, c in edges:
                    res[u][v] = res[u].get(v, 0) + c
                    res[v].setdefault(u, 0)
                total = 0
                while True:
                    best = {source: float("inf")}
                    prev = {}
                    heap = [(-best[source], source)]
                    done = set()
                    while heap:
                        b, u = heapq.heappop(heap)
                        if u in done:
                            continue
                        done.add(u)
                        for v, c in res[u].items():
                            width = min(-b, c)
                            if c > 0 and width > best.get(v, 0):
                                best[v], prev[v] = width, u
                                heapq.heappush(heap, (-width, v))
                    if sink not in prev:
                        return int(total)
                    push, v = best[sink], sink
                    while v != source:
                        u = prev[v]
                        res[u][v] -= push
                        res[v][u] += push
                        v = u
                    total += push
        """,
    },
    "bipartite-matching": {
        "bfs-augmenting": """
            from collections import deque

            def maximum_matching(n_left, n_right, edges):
                adj = [[] for _ in range(n_left)]
                for i, j in edges:
                    adj[i].append(j)
                match_l = [None] * n_left
                match_r = [None] * n_right
                for start in range(n_left):
                    # breadth-first search for an augmenting path from this left node
                    parent = {start: None}  # left k -> (left i, right j): i reaches k by taking j from k
                    queue, end = deque([start]), None
                    while queue and end is None:
                        i = queue.popleft()
                        for j in adj[i]:
                            k = match_r[j]
                            if k is None:
                                end = (i, j)
                                break
                            if k not in parent:
                                parent[k] = (i, j)
                                queue.append(k)
                    if end is None:
                        continue
                    i, j = end
                    while True:  # flip the path: each left node on it takes the next right node
                        match_l[i], match_r[j] = j, i
                        if parent[i] is None:
                            break
                        i, j = parent[i]
                return [[i, j] for i, j in enumerate(match_l) if j is not None]
        """,
        "unit-flow": """
            def maximum_matching(n_left, n_right, edges):
                # a maximum flow: source -> left -> right -> sink, every capacity 1
                s, t = ("S", 0), ("T", 0)
                cap = {s: {("L", i): 1 for i in range(n_left)}}
                for i in range(n_left):
                    cap[("L", i)] = {}
                for j in range(n_right):
                    cap[("R", j)] = {t: 1}
                cap[t] = {}
                for i, j in edges:
                    cap[("L", i)][("R", j)] = 1
                for u in list(cap):
                    for v in list(cap[u]):
                        cap[v].setdefault(u, 0)
                while True:
                    prev, frontier = {s: None}, [s]
                    while frontier and t not in prev:
                        nxt = []
                        for u in frontier:
                            for v, c in cap[u].items():
                                if c > 0 and v not in prev:
                                    prev[v] = u
                                    nxt.append(v)
                        frontier = nxt
                    if t not in prev:
                        break
                    v = t
                    while prev[v] is not None:
                        cap[prev[v]][v] -= 1
                        cap[v][prev[v]] += 1
                        v = prev[v]
                # flow on left i -> right j shows as capacity 1 on the reverse edge
                return [[i, j] for j in range(n_right) for (side, i), c in cap[("R", j)].items()
                        if side == "L" and c == 1]
        """,
    },
    "knn-graph": {
        "scipy-cdist": """
            import numpy as np
            from scipy.spatial.distance import cdist

            def knn_graph(X, k):
                D = cdist(X, X)
                D[np.diag_indices_from(D)] = np.inf
                idx = np.argpartition(D, k - 1, axis=1)[:, :k]
                A = np.zeros(D.shape, dtype=bool)
                np.put_along_axis(A, idx, True, axis=1)
                return A | A.T
        """,
        "loops": """
            import math

            def knn_graph(X, k):
                n = len(X)
                A = [[0.0] * n for _ in range(n)]
                for i in range(n):
                    others = sorted((math.dist(X[i], X[j]), j) for j in range(n) if j != i)
                    for _, j in others[:k]:
                        A[i][j] = A[j][i] = 1.0
                return A
        """,
    },
    "backward-pass": {
        "recursive-memo": """
            import math

            def backward(graph, output):
                value = {}

                def ev(v):
                    if v not in value:
                        op, *a = graph[v]
                        if op == "input":
                            value[v] = a[0]
                        elif op == "add":
                            value[v] = ev(a[0]) + ev(a[1])
                        elif op == "mul":
                            value[v] = ev(a[0]) * ev(a[1])
                        elif op == "exp":
                            value[v] = math.exp(ev(a[0]))
                        else:
                            value[v] = math.tanh(ev(a[0]))
                    return value[v]

                # d(output)/d(v) = sum over the users u of v of d(output)/d(u) * d(u)/d(v)
                users = {v: [] for v in graph}
                for u, (op, *a) in graph.items():
                    if op != "input":
                        for v in a:
                            users[v].append(u)
                memo = {}

                def local(u, v):
                    op, *a = graph[u]
                    if op == "add":
                        return 1.0
                    if op == "mul":
                        return ev(a[1]) if a[0] == v else ev(a[0])
                    if op == "exp":
                        return ev(u)
                    return 1.0 - ev(u) ** 2

                def adjoint(v):
                    if v not in memo:
                        memo[v] = 1.0 if v == output else sum(adjoint(u) * local(u, v) for u in users[v])
                    return memo[v]

                return {v: float(adjoint(v)) for v in graph}
        """,
        "kahn-then-reverse": """
            import math
            from collections import deque

            def backward(graph, output):
                indeg = {v: 0 for v in graph}
                users = {v: [] for v in graph}
                for u, (op, *a) in graph.items():
                    if op != "input":
                        for v in a:
                            indeg[u] += 1
                            users[v].append(u)
                ready = deque(v for v in graph if indeg[v] == 0)
                order = []
                while ready:
                    v = ready.popleft()
                    order.append(v)
                    for u in users[v]:
                        indeg[u] -= 1
                        if indeg[u] == 0:
                            ready.append(u)
                val = {}
                for v in order:
                    op, *a = graph[v]
                    x = [val[t] for t in a] if op != "input" else a
                    val[v] = {"input": lambda: x[0], "add": lambda: x[0] + x[1], "mul": lambda: x[0] * x[1],
                              "exp": lambda: math.exp(x[0]), "tanh": lambda: math.tanh(x[0])}[op]()
                g = dict.fromkeys(graph, 0.0)
                g[output] = 1.0
                for v in reversed(order):
                    op, *a = graph[v]
                    if op == "add":
                        for t in a:
                            g[t] += g[v]
                    elif op == "mul":
                        g[a[0]] += g[v] * val[a[1]]
                        g[a[1]] += g[v] * val[a[0]]
                    elif op == "exp":
                        g[a[0]] += g[v] * val[v]
                    elif op == "tanh":
                        g[a[0]] += g[v] * (1 - val[v] * val[v])
                return g
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module(MODULE)
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"{MODULE}/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


# The library shortcuts these exercises forbid: each would be right, and is refused before it runs.
SHORTCUTS = {
    "bfs-order": ("scipy.sparse.csgraph", """
        import numpy as np
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import breadth_first_order

        def bfs_order(graph, source):
            n = len(graph)
            rows = [u for u in graph for v in graph[u]]
            cols = [v for u in graph for v in graph[u]]
            A = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
            return [int(v) for v in breadth_first_order(A, source, return_predecessors=False)]
    """),
    "max-flow": ("networkx", """
        import networkx as nx

        def max_flow(n, edges, source, sink):
            g = nx.DiGraph()
            g.add_nodes_from(range(n))
            for u, v, c in edges:
                cap = g[u][v]["capacity"] + c if g.has_edge(u, v) else c
                g.add_edge(u, v, capacity=cap)
            return int(nx.maximum_flow_value(g, source, sink))
    """),
    "bipartite-matching": ("scipy.optimize.linear_sum_assignment", """
        import numpy as np
        from scipy.optimize import linear_sum_assignment

        def maximum_matching(n_left, n_right, edges):
            cost = np.zeros((n_left, n_right))
            for i, j in edges:
                cost[i, j] = -1.0
            rows, cols = linear_sum_assignment(cost)
            return [[int(i), int(j)] for i, j in zip(rows, cols) if cost[i, j] < 0]
    """),
}


@pytest.mark.parametrize("slug", sorted(SHORTCUTS))
def test_the_forbidden_library_shortcut_fails(slug):
    name, code = SHORTCUTS[slug]
    verdict = grade_source(CURRICULUM.exercise(f"{MODULE}/{slug}"), textwrap.dedent(code), seed=0)
    assert verdict.status == "failed", verdict.message
    assert f"uses `{name}`" in verdict.message, verdict.message


# Wrong solutions that a check once accepted: each must fail with every seed.
WRONG_SOLUTIONS: dict[str, dict[str, str]] = {
    "max-flow": {
        # sets the reverse residual capacity to 0 while reading the edges, which wipes out an
        # edge [v, u] read before [u, v]; the prompt says both directions may occur
        "reverse-edge-overwritten": """
            from collections import deque

            def max_flow(n, edges, source, sink):
                cap = [[0] * n for _ in range(n)]
                for u, v, c in edges:
                    cap[u][v] = c
                    cap[v][u] = 0
                total = 0
                while True:
                    prev = [-1] * n
                    prev[source] = source
                    queue = deque([source])
                    while queue:
                        u = queue.popleft()
                        for v in range(n):
                            if prev[v] == -1 and cap[u][v] > 0:
                                prev[v] = u
                                queue.append(v)
                    if prev[sink] == -1:
                        return total
                    b, v = float("inf"), sink
                    while v != source:
                        b = min(b, cap[prev[v]][v])
                        v = prev[v]
                    v = sink
                    while v != source:
                        cap[prev[v]][v] -= b
                        cap[v][prev[v]] += b
                        v = prev[v]
                    total += b
        """,
    },
}

WRONG_PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in WRONG_SOLUTIONS.items() for style in styles]


@pytest.mark.parametrize(("slug", "style"), WRONG_PARAMS)
def test_wrong_solutions_fail(slug, style):
    exercise = CURRICULUM.exercise(f"{MODULE}/{slug}")
    code = textwrap.dedent(WRONG_SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert not verdict.passed, f"{slug} ({style}), seed {seed}: a wrong solution passed"
