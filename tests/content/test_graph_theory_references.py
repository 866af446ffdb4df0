"""Reference tests for the function exercises of the graph-theory module.

Each reference solution is compared with an independent library computation over every case
of its check for seeds 0-2, judged by the check's own `compare` in both directions (the
reference's answer must pass with the library's as expected, and the library's with the
reference's): networkx for traversals, shortest paths, topological order, components,
spanning trees, PageRank, maximum flow and bipartite matching, scipy's k-d tree for the
neighbour graph, and high-precision (mpmath) finite differences for
the backward pass. Where an exercise has several right answers, small graphs are enumerated
exhaustively: the check must accept every valid answer and nothing else. The recorded mistakes
must go wrong, on random cases and on the labelled edge cases, be told apart from each other,
and be explained in two to five sentences; starters must fail; cases respect the bounds the
prompts state.
"""

from __future__ import annotations

import copy
import functools
import itertools
import math
import re
import sys
import tomllib

import mpmath
import networkx as nx
import numpy as np
import pytest
from scipy.sparse.csgraph import shortest_path as csgraph_shortest_path
from scipy.spatial import cKDTree

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain
from mltrail.grading.contract import Case

MODULE = "graph-theory"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(3)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def _digraph(graph):
    G = nx.DiGraph()
    G.add_nodes_from(graph)
    G.add_edges_from((u, v) for u, vs in graph.items() for v in vs)
    return G


def ref_adjacency_matrix(n, edges, directed):
    G = nx.DiGraph() if directed else nx.Graph()
    G.add_nodes_from(range(n))
    for e in edges:
        G.add_edge(e[0], e[1], weight=e[2] if len(e) == 3 else 1.0)
    return nx.to_numpy_array(G, nodelist=list(range(n)), weight="weight")


def ref_bfs_order(graph, source):
    return [source] + [v for _, v in nx.bfs_edges(_digraph(graph), source)]


def ref_dfs_order(graph, source):
    return list(nx.dfs_preorder_nodes(_digraph(graph), source))


def ref_hop_distances(graph, source):
    # scipy's csgraph, unweighted, on the dense adjacency matrix
    n = len(graph)
    A = np.zeros((n, n))
    for u, vs in graph.items():
        for v in vs:
            A[u, v] = 1.0
    d = csgraph_shortest_path(A, directed=True, unweighted=True, indices=source)
    return [int(x) if np.isfinite(x) else -1 for x in d]


def ref_shortest_path(n, edges, source, target):
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    try:
        length, path = nx.single_source_dijkstra(G, source, target)
    except nx.NetworkXNoPath:
        return math.inf, []
    return length, path


def ref_topological_order(n, edges):
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    return list(nx.topological_sort(G)) if nx.is_directed_acyclic_graph(G) else None


def ref_component_labels(n, edges):
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    label = [0] * n
    for k, component in enumerate(nx.connected_components(G)):
        for v in component:
            label[v] = k
    return label


def ref_minimum_spanning_tree(n, edges):
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(edges)
    return [[u, v, d["weight"]] for u, v, d in nx.minimum_spanning_tree(G).edges(data=True)]


def ref_pagerank(n, edges, damping):
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(edges)
    scores = nx.pagerank(G, alpha=damping, tol=1e-15, max_iter=100_000)
    return [scores[v] for v in range(n)]


def ref_max_flow(n, edges, source, sink):
    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    for u, v, c in edges:
        G.add_edge(u, v, capacity=c)
    return int(nx.maximum_flow_value(G, source, sink))


def ref_maximum_matching(n_left, n_right, edges):
    G = nx.Graph()
    left = [("L", i) for i in range(n_left)]
    G.add_nodes_from(left)
    G.add_nodes_from(("R", j) for j in range(n_right))
    G.add_edges_from((("L", i), ("R", j)) for i, j in edges)
    M = nx.bipartite.hopcroft_karp_matching(G, top_nodes=left)
    return [[a[1], b[1]] for a, b in M.items() if a[0] == "L"]


def ref_knn_graph(X, k):
    # a k-d tree query for k + 1 neighbours: the first is the point itself (the inputs have no
    # duplicate points), the others are its k nearest
    X = np.asarray(X, dtype=float)
    _, index = cKDTree(X).query(X, k=k + 1)
    n = len(X)
    assert (index[:, 0] == np.arange(n)).all()
    A = np.zeros((n, n), dtype=int)
    for i in range(n):
        for j in index[i, 1:]:
            A[i, j] = A[j, i] = 1
    return A


def _mp_value(graph, name, override, memo):
    if name in override:
        return override[name]
    if name not in memo:
        op, *args = graph[name]
        if op == "input":
            memo[name] = mpmath.mpf(args[0])
        else:
            a = [_mp_value(graph, x, override, memo) for x in args]
            memo[name] = {"add": lambda: a[0] + a[1], "mul": lambda: a[0] * a[1],
                          "exp": lambda: mpmath.exp(a[0]), "tanh": lambda: mpmath.tanh(a[0])}[op]()
    return memo[name]


def ref_backward(graph, output):
    # d(output)/d(node): perturb the node's value (its own inputs held fixed) and recompute the
    # output, a central difference at 60 digits whose truncation error is far below 1e-16.
    with mpmath.workdps(60):
        h = mpmath.mpf("1e-25")
        grads = {}
        for name in graph:
            base = _mp_value(graph, name, {}, {})
            up = _mp_value(graph, output, {name: base + h}, {})
            down = _mp_value(graph, output, {name: base - h}, {})
            grads[name] = float((up - down) / (2 * h))
        return grads


EXERCISES = {
    "adjacency-matrix": ("adjacency_matrix", ref_adjacency_matrix),
    "bfs-order": ("bfs_order", ref_bfs_order),
    "dfs-order": ("dfs_order", ref_dfs_order),
    "hop-distances": ("hop_distances", ref_hop_distances),
    "dijkstra": ("shortest_path", ref_shortest_path),
    "topological-sort": ("topological_order", ref_topological_order),
    "connected-components": ("component_labels", ref_component_labels),
    "minimum-spanning-tree": ("minimum_spanning_tree", ref_minimum_spanning_tree),
    "pagerank": ("pagerank", ref_pagerank),
    "max-flow": ("max_flow", ref_max_flow),
    "bipartite-matching": ("maximum_matching", ref_maximum_matching),
    "knn-graph": ("knn_graph", ref_knn_graph),
    "backward-pass": ("backward", ref_backward),
}

# A mistake must show on at least this share of the random cases, so that the grader can
# recognise it there. Augmenting without reverse edges goes wrong only on networks where an
# early shortest path blocks others (about one random network in six); the labelled case
# "a choice made early must be undone" catches it every time.
RANDOM_SHARE = {"max-flow/no-reverse-edges": 0.04}


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def entry_of(slug):
    return EXERCISES[slug][0]


@functools.cache
def _loaded(path):
    return load_file(path)


def check_of(slug):
    return _loaded(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(_loaded(path), entry)


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


def same_output(a, b) -> bool:
    """Equal as values (numbers within 1e-9), whatever their container types."""
    if a is RAISED or b is RAISED:
        return a is b
    if a is None or b is None:
        return a is b
    if isinstance(a, dict) or isinstance(b, dict):
        return isinstance(a, dict) and isinstance(b, dict) and a.keys() == b.keys() and all(
            same_output(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple, np.ndarray)) or isinstance(b, (list, tuple, np.ndarray)):
        try:
            x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
        except (TypeError, ValueError):
            return isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)) and len(a) == len(b) and all(
                same_output(p, q) for p, q in zip(a, b))
        return x.shape == y.shape and bool(np.allclose(x, y, rtol=1e-9, atol=1e-12, equal_nan=True))
    return a == b or (isinstance(a, float) and isinstance(b, float) and math.isclose(a, b, rel_tol=1e-9))


# --- structure ---------------------------------------------------------------------------


def test_every_function_exercise_is_covered():
    folders = {
        path.name
        for path in FOLDER.iterdir()
        if (path / "exercise.toml").is_file()
        and tomllib.loads((path / "exercise.toml").read_text(encoding="utf-8"))["kind"] == "function"
    }
    assert folders == set(EXERCISES)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_exercise_files(slug):
    folder = FOLDER / slug
    meta = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    assert meta["kind"] == "function"
    assert meta["entry"] == entry_of(slug)
    assert 2 <= len(meta["hints"]) <= 4
    assert all("`" not in hint or hint is meta["hints"][-1] for hint in meta["hints"])
    assert 1 <= meta["difficulty"] <= 5
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text(encoding="utf-8"))
    declared = {skill["id"] for skill in manifest["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    assert "the grader calls it with keyword arguments" in " ".join(prompt.split())
    assert f"`{entry_of(slug)}(" in prompt
    assert len(re.findall(r"```python\n", prompt)) == 1, "exactly one worked example"
    assert all(len(line) <= 100 for line in prompt.splitlines() if not line.startswith(">>>")), "keep prompt lines short"
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 2 <= len(mistakes) <= 3
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem), path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: first line must be a comment"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_shape(slug, seed):
    cases = exercise_cases(exercise_id(slug), seed)
    assert 1 <= sum(case.hidden for case in cases) <= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    assert cases[0].label == "the worked example"
    first_random = next(i for i, case in enumerate(cases) if case.label is None)
    assert all(case.label is not None for case in cases[:first_random])
    assert all(case.label is None for case in cases[first_random:])


# --- the reference against independent computations -------------------------------------


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_solution_matches_independent_computation(slug, seed):
    entry, reference = EXERCISES[slug]
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for case in exercise_cases(exercise_id(slug), seed):
        before = copy.deepcopy(case.args)
        got = plain(solution(**case.args))
        expected = plain(reference(**copy.deepcopy(case.args)))
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, library {expected!r}"
        # and the library's answer (a different one where several are right) passes as well
        assert passes(check, got, expected, case), f"{slug} {case.label or ''}: the library's {expected!r} is refused"
        assert repr(before) == repr(case.args), f"{slug}: the solution modified its arguments"


def _no_ties(X) -> bool:
    X = np.asarray(X, dtype=float)
    D = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1))
    np.fill_diagonal(D, np.inf)
    return all(len(set(np.round(row[np.isfinite(row)], 9))) == len(row) - 1 for row in D)


def _acyclic(graph) -> bool:
    return nx.is_directed_acyclic_graph(nx.DiGraph([(a, v) for v, (op, *args) in graph.items() if op != "input" for a in args]))


def _bounds_hold(slug, a) -> bool:
    """The input conditions each prompt promises, so that a solution may rely on them."""
    if slug == "adjacency-matrix":
        pairs = [frozenset(e[:2]) if not a["directed"] else tuple(e[:2]) for e in a["edges"]]
        return (a["n"] >= 1 and len(set(pairs)) == len(pairs) and all(e[0] != e[1] for e in a["edges"])
                and all(len(e) == 2 or e[2] != 0 for e in a["edges"]))
    if slug in ("bfs-order", "dfs-order", "hop-distances"):
        g = a["graph"]
        return set(g) == set(range(len(g))) and all(v in g for vs in g.values() for v in vs) and a["source"] in g
    if slug == "dijkstra":
        pairs = [tuple(e[:2]) for e in a["edges"]]
        return len(set(pairs)) == len(pairs) and all(e[0] != e[1] and e[2] >= 0 for e in a["edges"])
    if slug == "topological-sort":
        return all(u != v for u, v in a["edges"])
    if slug == "minimum-spanning-tree":
        G = nx.Graph()
        G.add_nodes_from(range(a["n"]))
        G.add_edges_from(e[:2] for e in a["edges"])
        pairs = [frozenset(e[:2]) for e in a["edges"]]
        return nx.is_connected(G) and len(set(pairs)) == len(pairs) and all(e[0] != e[1] for e in a["edges"])
    if slug == "pagerank":
        pairs = [tuple(e) for e in a["edges"]]
        return 0.5 <= a["damping"] <= 0.95 and len(set(pairs)) == len(pairs) and all(u != v for u, v in pairs)
    if slug == "max-flow":
        pairs = [tuple(e[:2]) for e in a["edges"]]
        return (len(set(pairs)) == len(pairs) and a["source"] != a["sink"]
                and all(u != v and type(c) is int and c > 0 for u, v, c in a["edges"]))
    if slug == "bipartite-matching":
        pairs = [tuple(e) for e in a["edges"]]
        return (len(set(pairs)) == len(pairs) and a["n_left"] >= 1 and a["n_right"] >= 1
                and all(0 <= i < a["n_left"] and 0 <= j < a["n_right"] for i, j in pairs))
    if slug == "knn-graph":
        return len(a["X"]) >= 2 and 1 <= a["k"] <= len(a["X"]) - 1 and _no_ties(a["X"])
    if slug == "backward-pass":
        return a["output"] in a["graph"] and _acyclic(a["graph"])
    return True


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_respect_the_bounds_the_prompt_states(slug, seed):
    for case in exercise_cases(exercise_id(slug), seed):
        assert _bounds_hold(slug, case.args), f"{slug} {case.label or ''}: {case.args}"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_expected_output_never_equals_an_input(slug, seed):
    # Otherwise "you returned an input unchanged" could be said of a correct answer. A labelled
    # edge case may be one where it is (a graph that is its own spanning tree), never a random one.
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    check = check_of(slug)
    for case in exercise_cases(exercise_id(slug), seed):
        if case.label is not None:
            continue
        expected = plain(solution(**copy.deepcopy(case.args)))
        for value in case.args.values():
            if isinstance(value, (list, dict)) and len(value):
                assert not passes(check, expected, copy.deepcopy(value), case), f"{slug} {case.label}: an input passes"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    starter = function_of(FOLDER / slug / "starter.py", entry_of(slug))
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), 0)
    assert not all(passes(check, plain(solution(**copy.deepcopy(c.args))), call(starter, c.args), c) for c in cases)


# --- checks accept every valid answer and nothing else (small graphs, enumerated) ----------


def _small_digraphs(rng, count, n_max=6):
    for _ in range(count):
        n = int(rng.integers(1, n_max + 1))
        graph = {u: [v for v in range(n) if v != u and rng.random() < 0.35] for u in range(n)}
        yield graph, int(rng.integers(0, n))


def _all_bfs_orders(graph, source):
    """Every order breadth-first search can produce, by trying each order of each node's new neighbours."""
    results = set()

    def run(order, queue, seen):
        if not queue:
            results.add(tuple(order))
            return
        u, rest = queue[0], queue[1:]
        new = [v for v in dict.fromkeys(graph[u]) if v not in seen]
        for perm in itertools.permutations(new):
            run(order + list(perm), rest + list(perm), seen | set(new))

    run([source], [source], {source})
    return results


def _all_dfs_orders(graph, source):
    results = set()

    def run(order, path, seen):
        while path and all(v in seen for v in graph[path[-1]]):
            path = path[:-1]
        if not path:
            results.add(tuple(order))
            return
        for v in dict.fromkeys(graph[path[-1]]):
            if v not in seen:
                run(order + [v], path + [v], seen | {v})

    run([source], [source], {source})
    return results


@pytest.mark.parametrize(("slug", "enumerate_orders"), [("bfs-order", _all_bfs_orders), ("dfs-order", _all_dfs_orders)])
def test_traversal_checks_accept_exactly_the_valid_orders(slug, enumerate_orders):
    check = check_of(slug)
    rng = np.random.default_rng(5)
    for graph, source in _small_digraphs(rng, 40):
        valid = enumerate_orders(graph, source)
        reachable = sorted(next(iter(valid)))
        expected = list(next(iter(valid)))
        case = Case(args={"graph": graph, "source": source})
        for perm in itertools.permutations(reachable):
            assert passes(check, expected, list(perm), case) == (perm in valid), (graph, source, perm)


def test_topological_check_accepts_exactly_the_orders_with_every_edge_forward():
    check = check_of("topological-sort")
    rng = np.random.default_rng(6)
    for _ in range(40):
        n = int(rng.integers(1, 6))
        edges = [[u, v] for u in range(n) for v in range(n) if u != v and rng.random() < 0.25]
        expected = ref_topological_order(n, edges)
        case = Case(args={"n": n, "edges": edges})
        for perm in itertools.permutations(range(n)):
            forward = all(perm.index(u) < perm.index(v) for u, v in edges)
            assert passes(check, expected, list(perm), case) == (expected is not None and forward)
        assert passes(check, expected, None, case) == (expected is None)


def test_spanning_tree_check_accepts_exactly_the_minimum_trees():
    check = check_of("minimum-spanning-tree")
    rng = np.random.default_rng(7)
    for _ in range(30):
        n = int(rng.integers(2, 6))
        G = nx.gnp_random_graph(n, 0.7, seed=int(rng.integers(0, 10**6)))
        if not nx.is_connected(G):
            continue
        edges = [[u, v, int(rng.integers(1, 4))] for u, v in G.edges()]  # small weights: many ties
        expected = ref_minimum_spanning_tree(n, edges)
        best = sum(e[2] for e in expected)
        case = Case(args={"n": n, "edges": edges})
        for subset in itertools.combinations(edges, n - 1):
            T = nx.Graph()
            T.add_nodes_from(range(n))
            T.add_edges_from(e[:2] for e in subset)
            valid = nx.is_tree(T) and sum(e[2] for e in subset) == best
            assert passes(check, expected, [list(e) for e in subset], case) == valid, subset


def test_shortest_path_check_accepts_exactly_the_shortest_paths():
    check = check_of("dijkstra")
    rng = np.random.default_rng(8)
    for _ in range(30):
        n = int(rng.integers(2, 7))
        edges = [[u, v, int(rng.integers(0, 3))] for u in range(n) for v in range(n) if u != v and rng.random() < 0.4]
        s, t = 0, n - 1
        expected = ref_shortest_path(n, edges, s, t)
        case = Case(args={"n": n, "edges": edges, "source": s, "target": t})
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        G.add_weighted_edges_from(edges)
        for path in nx.all_simple_paths(G, s, t):
            length = sum(G[u][v]["weight"] for u, v in zip(path, path[1:]))
            assert passes(check, expected, (expected[0], path), case) == (length == expected[0])


def test_matching_check_accepts_exactly_the_maximum_matchings():
    check = check_of("bipartite-matching")
    rng = np.random.default_rng(9)
    for _ in range(30):
        a, b = int(rng.integers(1, 4)), int(rng.integers(1, 4))
        edges = [[i, j] for i in range(a) for j in range(b) if rng.random() < 0.5]
        expected = ref_maximum_matching(a, b, edges)
        case = Case(args={"n_left": a, "n_right": b, "edges": edges})
        for size in range(len(edges) + 1):
            for subset in itertools.combinations(edges, size):
                is_matching = len({i for i, _ in subset}) == size == len({j for _, j in subset})
                valid = is_matching and size == len(expected)
                assert passes(check, expected, [list(p) for p in subset], case) == valid


def test_component_check_accepts_any_labels_of_the_right_partition():
    check = check_of("connected-components")
    case = Case(args={"n": 5, "edges": [[0, 1], [3, 4]]})
    expected = ref_component_labels(5, [[0, 1], [3, 4]])
    assert passes(check, expected, [7, 7, -2, 0, 0], case)
    assert passes(check, expected, [1, 1, 2, 3, 3], case)
    assert not passes(check, expected, [1, 1, 1, 3, 3], case)  # 2 is not connected to 0
    assert not passes(check, expected, [1, 2, 3, 4, 4], case)  # 0 and 1 are connected


# --- recorded mistakes ---------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
@pytest.mark.parametrize("seed", SEEDS[:3])
def test_mistake_is_caught_on_edge_and_random_cases(slug, path, seed):
    entry = entry_of(slug)
    check = check_of(slug)
    mistake = function_of(path, entry)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    cases = exercise_cases(exercise_id(slug), seed)
    wrong = [not passes(check, plain(solution(**copy.deepcopy(c.args))), call(mistake, c.args), c) for c in cases]
    labelled = [w for w, c in zip(wrong, cases) if c.label is not None]
    random = [w for w, c in zip(wrong, cases) if c.label is None and not c.hidden]
    assert any(labelled), f"{path.name} is not caught by the fixed edge cases"
    share = RANDOM_SHARE.get(f"{slug}/{path.stem}", 0.25)
    # Typical random cases show the mistake too, so the grader can recognise it there.
    assert sum(random) >= share * len(random), f"{path.name} goes wrong on only {sum(random)} of {len(random)} random cases"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_mistakes_are_told_apart(slug, seed):
    entry = entry_of(slug)
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    cases = exercise_cases(exercise_id(slug), seed)
    expected = [plain(solution(**copy.deepcopy(c.args))) for c in cases]
    outputs = {
        path.stem: [call(function_of(path, entry), c.args) for c in cases]
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py"))
    }
    for name, got in outputs.items():
        failing = [i for i, c in enumerate(cases) if not passes(check, expected[i], got[i], c)]
        for other, other_got in outputs.items():
            if other != name:
                assert any(not same_output(got[i], other_got[i]) for i in failing), f"{name} cannot be told apart from {other}"


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
def test_mistake_is_explained_in_two_to_five_sentences(slug, path):
    explanation = path.with_suffix(".md")
    assert explanation.is_file(), f"{path.name} has no explanation {explanation.name}"
    text = explanation.read_text(encoding="utf-8").strip()
    sentences = len(SENTENCE_END.findall(text))
    assert 2 <= sentences <= 5, f"{explanation.name}: {sentences} sentences"
    assert text.startswith("You"), f"{explanation.name} speaks to the learner who made the mistake"
    assert "$" not in text, f"{explanation.name}: explanations are plain text, no TeX"


def test_knn_graph_is_scikit_learns_union_of_neighbour_relations():
    # The prompt says the graph is non-zero exactly where sklearn's C + C.T is, for
    # kneighbors_graph(X, k, include_self=False): check it on one seed's cases.
    from sklearn.neighbors import kneighbors_graph

    solution = function_of(FOLDER / "knn-graph" / "solution.py", "knn_graph")
    for case in exercise_cases(exercise_id("knn-graph"), 0):
        C = kneighbors_graph(np.asarray(case.args["X"]), n_neighbors=case.args["k"], include_self=False)
        assert np.array_equal(np.asarray(solution(**copy.deepcopy(case.args))) > 0, (C + C.T).toarray() > 0)


def test_knn_graph_prompt_does_not_equate_it_with_spectral_clusterings_graph():
    # SpectralClustering(affinity="nearest_neighbors") builds kneighbors_graph with
    # include_self=True: each point is one of its own k neighbours, so its graph has a non-zero
    # diagonal and only k - 1 other neighbours per point. The prompt must not present that graph
    # as the one asked for.
    import inspect

    from sklearn.cluster import SpectralClustering

    X, k = [[0.0], [1.0], [3.0], [7.0]], 2
    model = SpectralClustering(n_clusters=2, affinity="nearest_neighbors", n_neighbors=k, random_state=0).fit(X)
    spectral = model.affinity_matrix_.toarray() > 0
    solution = function_of(FOLDER / "knn-graph" / "solution.py", "knn_graph")
    assert not np.array_equal(spectral, np.asarray(solution(X=X, k=k)) > 0)
    assert "include_self=True" in inspect.getsource(SpectralClustering.fit)
    text = " ".join((FOLDER / "knn-graph" / "prompt.md").read_text(encoding="utf-8").split())
    assert "include_self=True" in text
    assert "(C + C^\\top)/2$, which is non-zero exactly where" not in text
