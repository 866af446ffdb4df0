"""The unsupervised-learning quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data: Lloyd's
step and silhouettes by scikit-learn, linkage distances by scipy, core points by scikit-learn's
DBSCAN, explained variance ratios and projected variances by numpy and sympy, responsibilities,
M steps and Mahalanobis distances by scipy, and a computation for each claim of the choice
items where one is possible. An item without a verifier fails the suite, so a new item cannot
slip in unchecked.
"""

from __future__ import annotations

import ast
import string
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pytest
import scipy.spatial.distance
import sympy
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.special import softmax
from sklearn.cluster import DBSCAN, KMeans
from sklearn.metrics import adjusted_rand_score, rand_score, silhouette_samples

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "unsupervised"
QUIZ = MODULE / "exercises" / "quiz"

SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}

FUNCTIONS = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "abs": sympy.Abs}
CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd,
)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def letters_where(flags) -> list[str]:
    return [letter(i) for i, flag in enumerate(flags) if flag]


def symbols_of(item):
    return {name: sympy.Symbol(name, real=True) for name in item["variables"]}


def parse(item):
    return sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **symbols_of(item)})


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= max(item["tolerance"], 1e-12), (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


def assert_same_function(item, reference, rng):
    """The author's expression equals `reference` (a numpy function of the variables) over the domain."""
    got = sympy.lambdify(list(symbols_of(item).values()), parse(item), "numpy")
    low, high = item["domain"]
    for _ in range(50):
        point = rng.uniform(low, high, size=len(item["variables"]))
        assert abs(got(*point) - reference(*point)) <= 1e-9 * (1 + abs(reference(*point))), (item["id"], point)


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
    words = {2: "Two", 8: "Eight", 12: "Twelve", 13: "Thirteen", 14: "Fourteen", 15: "Fifteen", 16: "Sixteen"}
    assert (QUIZ / "prompt.md").read_text(encoding="utf-8").split("\n\n")[1].startswith(f"{words[len(items)]} short questions")


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
        assert low < high
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
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(80800 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def verify_q1(item, rng):
    X = np.array([[1.0], [2.0], [6.0], [7.0], [8.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = KMeans(n_clusters=2, init=np.array([[1.0], [2.0]]), n_init=1, max_iter=1, tol=0.0).fit(X)
    assert_numeric(item, float(model.cluster_centers_[1, 0]))


def verify_q2(item, rng):
    # Sample k-means++'s second centre many times: the frequencies follow D^2 / sum D^2.
    X = np.array([[0.0], [1.0], [3.0], [10.0]])
    D2 = ((X - X[0]) ** 2).sum(axis=1)
    draws = np.searchsorted(np.cumsum(D2), rng.uniform(size=20000) * D2.sum())
    freq = np.bincount(draws, minlength=4) / 20000
    assert np.allclose(freq, D2 / D2.sum(), atol=0.01)
    assert freq[0] == 0  # a chosen point is never chosen again
    assert not np.allclose(freq, np.sqrt(D2) / np.sqrt(D2).sum(), atol=0.01)  # not proportional to D
    assert item["answer"] == "c"


def verify_q3(item, rng):
    # Build points with a = 2 and mean distances 5 and 8 to the other clusters, then ask scikit-learn.
    X = np.array([[0.0], [2.0], [-2.0], [5.0], [5.0], [8.0], [8.0]])
    labels = [0, 0, 0, 1, 1, 2, 2]
    point = np.array([[0.0]])
    assert scipy.spatial.distance.cdist(point, X[[1, 2]]).mean() == 2
    assert_numeric(item, float(silhouette_samples(X, labels)[0]))


def verify_q4(item, rng):
    assert_same_function(item, lambda a, b: (b - a) / b, rng)
    for a, b in rng.uniform(0.5, 3.0, size=(20, 2)):  # the silhouette formula itself, where a < b
        if a < b:
            names = symbols_of(item)
            assert abs(float(parse(item).subs({names["a"]: a, names["b"]: b})) - (b - a) / max(a, b)) < 1e-12


def verify_q5(item, rng):
    x, y = [0, 0, 1, 1], [1, 1, 0, 0]
    a = adjusted_rand_score(x, y) == 1.0
    b = np.mean(np.array(x) == np.array(y)) == 1.0  # false: 0 for the same partition
    labels = rng.integers(0, 3, size=12)
    other = rng.integers(0, 3, size=12)
    pairs = [(i, j) for i in range(12) for j in range(i + 1, 12)]
    agree = np.mean([(labels[i] == labels[j]) == (other[i] == other[j]) for i, j in pairs])
    c = abs(agree - rand_score(labels, other)) < 1e-12
    random_ari = np.mean([adjusted_rand_score(rng.integers(0, 3, 300), rng.integers(0, 3, 300)) for _ in range(20)])
    d = abs(random_ari) < 0.02 and adjusted_rand_score(labels, labels) == 1.0
    assert letters_where([a, b, c, d]) == item["answer"]


def verify_q6(item, rng):
    X = np.array([[0.0], [1.0], [4.0], [6.0]])
    Z = linkage(X, method="average")
    assert_numeric(item, float(Z[-1, 2]))  # the last merge joins {0, 1} and {4, 6}
    assert float(linkage(X, "single")[-1, 2]) == 3.0 and float(linkage(X, "complete")[-1, 2]) == 6.0


def verify_q7(item, rng):
    # (a) chaining: a trail of points joins two blobs under single linkage, not under complete.
    left = rng.normal(0.0, 0.3, size=(20, 2))
    right = rng.normal(0.0, 0.3, size=(20, 2)) + [10.0, 0.0]
    trail = np.column_stack([np.linspace(1.0, 9.0, 12), np.zeros(12)])
    X = np.vstack([left, right, trail])
    single = fcluster(linkage(X, "single"), 2, "maxclust")
    complete = fcluster(linkage(X, "complete"), 2, "maxclust")
    a = max(np.bincount(single)) >= len(X) - 2 and max(np.bincount(complete)) < len(X) - 5
    # (b) complete linkage is the farthest pair, not the closest.
    b = float(linkage(np.array([[0.0], [1.0], [4.0], [6.0]]), "complete")[-1, 2]) == 3.0
    # (c) one tree, many cuts.
    Z = linkage(X, "average")
    c = all(len(set(fcluster(Z, k, "maxclust"))) == k for k in (2, 3, 4, 5))
    d = False  # O(n^2) distances: 10^6 points need 10^12 of them
    assert letters_where([a, b, c, d]) == item["answer"]


def verify_q8(item, rng):
    X = np.array([[0.0], [0.8], [1.6], [2.4], [5.0]])
    model = DBSCAN(eps=1.0, min_samples=3).fit(X)
    assert_numeric(item, len(model.core_sample_indices_))
    assert model.labels_.tolist() == [0, 0, 0, 0, -1]


def verify_q9(item, rng):
    a = False  # DBSCAN's parameters are eps and min_samples
    assert "n_clusters" not in DBSCAN().get_params()
    X = np.vstack([rng.normal(size=(30, 2)) * 0.2, [[20.0, 20.0]]])
    b = DBSCAN(eps=0.5, min_samples=4).fit(X).labels_[-1] == -1
    t = np.linspace(0, np.pi, 80)  # two interleaved half-moons: non-convex clusters
    moons = np.vstack([np.column_stack([np.cos(t), np.sin(t)]), np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])])
    labels = DBSCAN(eps=0.2, min_samples=3).fit(moons).labels_
    c = adjusted_rand_score(labels, [0] * 80 + [1] * 80) == 1.0
    # (d): a non-core point between two clusters takes whichever cluster is grown first.
    line = np.array([[0.0], [0.1], [0.2], [0.3], [0.9], [1.5], [1.6], [1.7], [1.8]])
    first = DBSCAN(eps=0.62, min_samples=4).fit(line).labels_
    flipped = DBSCAN(eps=0.62, min_samples=4).fit(line[::-1]).labels_[::-1]
    d = (first[4] == first[0]) != (flipped[4] == flipped[0])
    assert letters_where([a, b, c, d]) == item["answer"]


def verify_q10(item, rng):
    # A centred matrix with singular values 6, 3, 2: U S V^T with orthonormal U and V.
    U, _ = np.linalg.qr(rng.normal(size=(10, 3)))
    U -= U.mean(axis=0)  # keep it centred, then re-orthonormalise within the centred space
    U, _ = np.linalg.qr(U)
    V, _ = np.linalg.qr(rng.normal(size=(3, 3)))
    X = U @ np.diag([6.0, 3.0, 2.0]) @ V.T
    Xc = X - X.mean(axis=0)
    lam = np.linalg.eigvalsh(np.cov(Xc, rowvar=False))[::-1]
    assert_numeric(item, float(lam[:2].sum() / lam.sum()))


def verify_q11(item, rng):
    t = sympy.Symbol("t", real=True)
    v = sympy.Matrix([sympy.cos(t), sympy.sin(t)])
    variance = (v.T * sympy.diag(4, 1) * v)[0, 0]
    assert sympy.simplify(parse(item) - variance) == 0
    # and by simulation: data with covariance diag(4, 1) projected on v
    data = rng.normal(size=(200000, 2)) * [2.0, 1.0]
    angle = 0.7
    projected = data @ np.array([np.cos(angle), np.sin(angle)])
    assert abs(projected.var() - float(variance.subs(t, angle))) < 0.05


def verify_q12(item, rng):
    # Judged by the documented behaviour of t-SNE: only (c) states what its objective preserves.
    assert item["answer"] == "c"
    assert "neighbour" in item["choices"][2]


def verify_q13(item, rng):
    assert_same_function(item, lambda a, b: softmax([a, b])[0], rng)


def verify_q14(item, rng):
    x = np.array([0.0, 1.0, 2.0, 3.0])
    r = np.array([0.9, 0.6, 0.3, 0.2])
    assert_numeric(item, float(np.average(x, weights=r)))


def verify_q15(item, rng):
    C = np.array([[2.0, 1.0], [1.0, 2.0]])
    d = scipy.spatial.distance.mahalanobis([1.0, -1.0], [0.0, 0.0], np.linalg.inv(C))
    assert_numeric(item, float(d))


def verify_q16(item, rng):
    R = np.array([[1.0, 0.9], [0.9, 1.0]])
    point = np.array([1.5, -1.5])  # z-scores 1.5 each, against the correlation
    a = np.abs(point).max() < 2 and np.sqrt(point @ np.linalg.inv(R) @ point) > 4
    # (b) false: anomalies inside the estimate mask themselves.
    normal = rng.normal(size=(200, 2))
    outliers = np.full((20, 2), 8.0)
    data = np.vstack([normal, outliers])
    clean = scipy.spatial.distance.mahalanobis(outliers[0], normal.mean(axis=0), np.linalg.inv(np.cov(normal.T)))
    masked = scipy.spatial.distance.mahalanobis(outliers[0], data.mean(axis=0), np.linalg.inv(np.cov(data.T)))
    b = masked >= clean
    # (c) squared distances of normal data follow chi-squared with d degrees of freedom: mean d, variance 2d.
    sample = rng.normal(size=(100000, 3)) @ np.array([[1.0, 0.0, 0.0], [0.5, 1.0, 0.0], [0.2, 0.3, 1.0]])
    C = np.cov(sample.T)
    d2 = np.einsum("ij,jk,ik->i", sample - sample.mean(axis=0), np.linalg.inv(C), sample - sample.mean(axis=0))
    c = abs(d2.mean() - 3) < 0.05 and abs(d2.var() - 6) < 0.2
    # (d) two normal clusters: the midpoint is ordinary for one Gaussian, improbable for a mixture.
    two = np.vstack([rng.normal(size=(200, 2)) * 0.3 + [-3, 0], rng.normal(size=(200, 2)) * 0.3 + [3, 0]])
    single = scipy.spatial.distance.mahalanobis([0.0, 0.0], two.mean(axis=0), np.linalg.inv(np.cov(two.T)))
    mixture_density = 0.5 * np.exp(-0.5 * (3 / 0.3) ** 2) * 2  # both components, 10 sd away
    d = single < 1 and mixture_density < 1e-20
    assert letters_where([a, b, c, d]) == item["answer"]


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}
