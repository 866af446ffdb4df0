"""The graph-theory quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data with
networkx, numpy or sympy: walks counted by matrix powers, Dijkstra, spanning trees, PageRank,
maximum flows and matchings from networkx, topological orders enumerated, the expression items
(applied to the AUTHOR's answer string only) checked against a count or a library value on
random graphs, and a computation for each claim in the choice items. An item without a
verifier fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import itertools
import string
import tomllib
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import sympy

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "graph-theory"
QUIZ = MODULE / "exercises" / "quiz"

SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}

FUNCTIONS = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "abs": sympy.Abs}
CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd, ast.FloorDiv,
)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def answer_function(item):
    """The author's answer as a Python function of the item's variables."""
    symbols = [sympy.Symbol(name) for name in item["variables"]]
    expression = sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **dict(zip(item["variables"], symbols))})
    return sympy.lambdify(symbols, expression, "math")


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


def digraph(edges, capacity=False):
    G = nx.DiGraph()
    for u, v, w in edges:
        G.add_edge(u, v, **({"capacity": w} if capacity else {"weight": w}))
    return G


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert SPEC["minutes"] > 0
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_ids():
    items = SPEC["items"]
    assert len(items) >= 8
    assert len(ITEMS) == len(items), "item ids must be unique"
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module is asked about"
    prompt = (QUIZ / "prompt.md").read_text(encoding="utf-8")
    words = {8: "Eight", 10: "Ten", 12: "Twelve", 14: "Fourteen", 16: "Sixteen"}
    assert prompt.split("\n\n")[1].startswith(words.get(len(items), str(len(items)))), "the prompt counts the items"


@pytest.mark.parametrize("item", SPEC["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert item["prompt"].strip()
    assert item["explanation"].strip()
    assert set(item.get("skills", [])) <= MODULE_SKILLS
    kind = item["kind"]
    if kind in ("choice", "multiple"):
        assert len(item["choices"]) >= 2
        assert len(set(item["choices"])) == len(item["choices"])
        valid = [letter(i) for i in range(len(item["choices"]))]
        if kind == "choice":
            assert item["answer"] in valid
        else:
            assert isinstance(item["answer"], list) and item["answer"]
            assert len(set(item["answer"])) == len(item["answer"])
            assert set(item["answer"]) <= set(valid)
            assert len(item["answer"]) < len(valid), "at least one choice must be wrong"
    elif kind == "numeric":
        assert isinstance(item["answer"], (int, float)) and not isinstance(item["answer"], bool)
        assert item["tolerance"] >= 0
    elif kind == "expression":
        assert item["variables"]
        low, high = item["domain"]
        assert 0 < low < high
        assert item["tolerance"] > 0
        tree = ast.parse(item["answer"], mode="eval")
        allowed_names = set(FUNCTIONS) | set(CONSTANTS) | set(item["variables"])
        for node in ast.walk(tree):
            assert isinstance(node, ALLOWED_NODES), f"{type(node).__name__} in {item['answer']!r}"
            if isinstance(node, ast.Name):
                assert node.id in allowed_names, node.id
        for name in item["variables"]:
            assert name in item["prompt"], f"variable {name} is not mentioned in the prompt"
    else:
        pytest.fail(f"unknown kind {kind}")


def test_every_item_has_a_verifier():
    assert set(ITEMS) == set(VERIFIERS)


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_answer_is_right(item_id):
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(45000 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def verify_q1(item, rng):
    n, m = 10**6, 10**7
    dense_entries, list_entries = n * n, 2 * m
    assert dense_entries / list_entries > 10**4  # the dense matrix is hopeless; (a) and (d) are false
    # BFS over a dense matrix scans every row: n**2 steps, against n + 2m with lists.
    assert n * n > 1000 * (n + 2 * m)
    assert item["answer"] == "b"


def verify_q2(item, rng):
    f = answer_function(item)
    for n in range(2, 41):
        assert f(n) == nx.complete_graph(n).number_of_edges()


def verify_q3(item, rng):
    A = nx.to_numpy_array(nx.cycle_graph(4), nodelist=range(4)).astype(int)
    assert_numeric(item, int(np.linalg.matrix_power(A, 3)[0, 1]))


def verify_q4(item, rng):
    truths = []
    # (a) BFS dequeues by non-decreasing hop distance
    ok = True
    for seed in range(20):
        G = nx.gnp_random_graph(15, 0.2, seed=seed)
        dist = nx.single_source_shortest_path_length(G, 0)
        order = [0] + [v for _, v in nx.bfs_edges(G, 0)]
        ok &= all(dist[a] <= dist[b] for a, b in zip(order, order[1:]))
    truths.append(ok)
    # (b) DFS tree depths are not hop distances in general (a cycle, entered one way round)
    G = nx.cycle_graph(5)
    depth = {0: 0}
    for u, v in nx.dfs_edges(G, 0):
        depth[v] = depth[u] + 1
    truths.append(depth == nx.single_source_shortest_path_length(G, 0))
    truths += [True, False]  # (c) O(V + E) with lists; (d) a matrix row scan makes it O(V**2)
    assert sorted(item["answer"]) == [letter(i) for i, t in enumerate(truths) if t]


def verify_q5(item, rng):
    G = digraph([("s", "a", 2), ("s", "b", 5), ("a", "b", 1), ("a", "c", 6), ("b", "c", 2), ("c", "t", 1), ("b", "t", 7)])
    assert_numeric(item, nx.dijkstra_path_length(G, "s", "t"))


def verify_q6(item, rng):
    G = digraph([(0, 1, 4), (0, 2, 5), (2, 1, -3)])
    right = nx.single_source_bellman_ford_path_length(G, 0)[1]
    # Dijkstra settles node 1 at 4 before looking at node 2's negative edge.
    settled_first = min(w for _, v, w in G.out_edges(0, data="weight") if v == 1)
    assert right == 2 and settled_first == 4
    assert item["choices"][ord(item["answer"]) - ord("a")] == "Bellman-Ford"


def verify_q7(item, rng):
    G = nx.DiGraph([("a", "b"), ("a", "c")])
    G.add_node("d")
    assert_numeric(item, sum(1 for _ in nx.all_topological_sorts(G)))


def verify_q8(item, rng):
    G = nx.Graph()
    G.add_weighted_edges_from([(0, 1, 3), (0, 2, 1), (1, 2, 2), (1, 3, 4), (2, 3, 5), (3, 4, 1), (2, 4, 6)])
    assert_numeric(item, nx.minimum_spanning_tree(G).size(weight="weight"))


def verify_q9(item, rng):
    f = answer_function(item)
    for _ in range(30):
        n = int(rng.integers(1, 15))
        edges = [(v, int(rng.integers(0, v))) for v in range(1, n)]  # a random tree
        forest = [e for e in edges if rng.random() < 0.6]  # minus some edges: still no cycle
        F = nx.Graph(forest)
        F.add_nodes_from(range(n))
        assert nx.is_forest(F)
        assert f(n, len(forest)) == nx.number_connected_components(F)


def verify_q10(item, rng):
    f = answer_function(item)
    for _ in range(10):
        n = int(rng.integers(3, 12))
        d = float(rng.uniform(0.1, 0.9))
        G = nx.DiGraph()
        G.add_nodes_from(range(n))
        for u in range(1, n):  # node 0 gets no link; every node has an out-link
            G.add_edge(u, int(rng.choice([v for v in range(1, n) if v != u])) if n > 2 else 0)
        G.add_edge(0, 1)
        scores = nx.pagerank(G, alpha=d, tol=1e-14, max_iter=10_000)
        assert abs(scores[0] - f(d, n)) < 1e-9


def verify_q11(item, rng):
    G = nx.DiGraph([(1, 0), (2, 0), (3, 0)])
    assert_numeric(item, nx.pagerank(G, alpha=0.85, tol=1e-14, max_iter=10_000)[1])


def verify_q12(item, rng):
    G = digraph([("s", "a", 4), ("s", "b", 3), ("a", "b", 2), ("a", "t", 1), ("b", "t", 5)], capacity=True)
    value, (side, _) = nx.maximum_flow_value(G, "s", "t"), nx.minimum_cut(G, "s", "t")[1]
    assert side == {"s", "a", "b"}
    assert_numeric(item, value)


def verify_q13(item, rng):
    truths = []
    G = digraph([("s", 1, 1), ("s", 2, 1), (1, 2, 1), (1, "t", 1), (2, "t", 1)], capacity=True)
    cut, _ = nx.minimum_cut(G, "s", "t")
    truths.append(cut == nx.maximum_flow_value(G, "s", "t"))  # (a)
    B = nx.Graph([(("L", 0), ("R", 0)), (("L", 0), ("R", 1)), (("L", 1), ("R", 0))])
    F = nx.DiGraph()
    for i in range(2):
        F.add_edge("s", ("L", i), capacity=1)
        F.add_edge(("R", i), "t", capacity=1)
    for a, b in B.edges():
        left, right = (a, b) if a[0] == "L" else (b, a)
        F.add_edge(left, right, capacity=1)
    truths.append(nx.maximum_flow_value(F, "s", "t") == len(nx.bipartite.maximum_matching(B, top_nodes=[("L", 0), ("L", 1)])) // 2)
    # (c): after 1 unit along s-1-2-t, without reverse edges no s-t path is left, yet the maximum is 2
    residual = {(u, v): c for u, v, c in G.edges(data="capacity")}
    for e in (("s", 1), (1, 2), (2, "t")):
        residual[e] -= 1
    H = nx.DiGraph([e for e, c in residual.items() if c > 0])
    stuck = not (H.has_node("s") and H.has_node("t") and nx.has_path(H, "s", "t"))
    truths.append(not (stuck and nx.maximum_flow_value(G, "s", "t") == 2))
    # (d): greedy gives left 0 right 0 and leaves left 1 unmatched
    greedy, used = 0, set()
    for i, js in ((0, [0, 1]), (1, [0])):
        free = [j for j in js if j not in used]
        if free:
            used.add(free[0])
            greedy += 1
    truths.append(greedy == 2)
    assert sorted(item["answer"]) == [letter(i) for i, t in enumerate(truths) if t]


def verify_q14(item, rng):
    X = np.array([[0.0], [1.0], [1.5], [10.0]])
    k = 1
    D = np.abs(X - X.T)
    np.fill_diagonal(D, np.inf)
    near = np.argsort(D, axis=1)[:, :k]
    A = np.zeros((4, 4), dtype=int)
    A[np.arange(4)[:, None], near] = 1
    truths = [bool((A == A.T).all())]  # (a): 10.0 picks 1.5, which does not pick it back
    S = np.maximum(A, A.T)
    truths.append(bool((S.sum(axis=1) >= k).all()))  # (b)
    L = np.diag(S.sum(axis=1)) - S
    zeros = int(np.sum(np.abs(np.linalg.eigvalsh(L)) < 1e-9))
    truths.append(zeros == nx.number_connected_components(nx.from_numpy_array(S)))  # (c)
    # (d): on 0, 1, 5, 6, k = 1 gives two components ({0, 1} and {5, 6}) and k = 2 joins them
    X2 = np.array([[0.0], [1.0], [5.0], [6.0]])
    D2 = np.abs(X2 - X2.T)
    np.fill_diagonal(D2, np.inf)
    comps = []
    for kk in (1, 2):
        near = np.argsort(D2, axis=1)[:, :kk]
        A = np.zeros((4, 4), dtype=int)
        A[np.arange(4)[:, None], near] = 1
        comps.append(nx.number_connected_components(nx.from_numpy_array(np.maximum(A, A.T))))
    assert comps == [2, 1]
    truths.append(False)
    assert sorted(item["answer"]) == [letter(i) for i, t in enumerate(truths) if t]


def verify_q15(item, rng):
    x, y = sympy.symbols("x y")
    assert_numeric(item, float(sympy.diff((x + y) * x, x).subs({x: 3, y: -1})))


def _backward(graph, order, value, output):
    grad = dict.fromkeys(graph, 0.0)
    grad[output] = 1.0
    for name in order:
        op, *args = graph[name]
        if op == "add":
            for a in args:
                grad[a] += grad[name]
        elif op == "mul":
            grad[args[0]] += grad[name] * value[args[1]]
            grad[args[1]] += grad[name] * value[args[0]]
    return grad


def verify_q16(item, rng):
    # a = x + x, f = a * x at x = 3: df/dx = 4x = 12 only when a passes its gradient on after
    # f has sent it, that is in reverse topological order.
    graph = {"x": ["input", 3.0], "a": ["add", "x", "x"], "f": ["mul", "a", "x"]}
    value = {"x": 3.0, "a": 6.0, "f": 18.0}
    topological = list(nx.topological_sort(nx.DiGraph([("x", "a"), ("a", "f"), ("x", "f")])))
    assert _backward(graph, topological[::-1], value, "f")["x"] == 12.0
    assert _backward(graph, topological, value, "f")["x"] != 12.0  # creation order (a): wrong
    assert item["answer"] == "b"


VERIFIERS = {f"q{i}": globals()[f"verify_q{i}"] for i in range(1, 17)}
