"""The linear-algebra quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer with numpy (or scipy,
scikit-learn) from the item's own data: a determinant, a shape, a property checked on many
random matrices, an expression compared with a direct computation at several points.
An item without a verifier fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import math
import string
import tomllib
from pathlib import Path

import numpy as np
import pytest
import scipy.linalg

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "linear-algebra"
QUIZ = MODULE / "exercises" / "quiz"

SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text())["skills"]}

FUNCTIONS = {
    "sqrt": math.sqrt,
    "exp": math.exp,
    "log": math.log,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "abs": abs,
}
CONSTANTS = {"pi": math.pi, "e": math.e}
ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd,
)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def letters_where(flags) -> list[str]:
    return [letter(i) for i, flag in enumerate(flags) if flag]


def evaluate(expression: str, **values: float) -> float:
    """Evaluate a trusted answer expression with the names a learner may use."""
    code = compile(expression, "<answer>", "eval")
    return eval(code, {"__builtins__": {}}, {**FUNCTIONS, **CONSTANTS, **values})  # noqa: S307


def random_points(item, rng, count=25):
    low, high = item["domain"]
    for _ in range(count):
        yield {name: float(rng.uniform(low, high)) for name in item["variables"]}


def assert_expression_matches(item, direct, points):
    """The item's answer agrees with `direct(**point)` at every point."""
    checked = 0
    for point in points:
        expected = direct(**point)
        got = evaluate(item["answer"], **point)
        assert math.isclose(got, expected, rel_tol=item["tolerance"], abs_tol=1e-12), (
            f"{item['id']}: answer {item['answer']!r} gives {got} at {point}, direct computation {expected}"
        )
        checked += 1
    assert checked >= 5


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


def random_orthogonal(rng, n):
    q, _ = np.linalg.qr(rng.normal(size=(n, n)))
    signs = rng.choice([-1.0, 1.0], size=n)
    return q * signs  # Q @ diag(signs) is orthogonal too, with either determinant sign


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert SPEC["minutes"] > 0
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert SPEC["skills"] and set(SPEC["skills"]) <= MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_ids():
    items = SPEC["items"]
    assert len(items) >= 10
    assert len(ITEMS) == len(items), "item ids must be unique"
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    assert set(kinds) == {"choice", "multiple", "numeric", "expression"}


@pytest.mark.parametrize("item", SPEC["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert item["prompt"].strip()
    assert item["explanation"].strip()
    assert set(item.get("skills", [])) <= MODULE_SKILLS
    kind = item["kind"]
    if kind == "choice":
        assert len(item["choices"]) >= 2
        assert len(set(item["choices"])) == len(item["choices"])
        assert item["answer"] in [letter(i) for i in range(len(item["choices"]))]
    elif kind == "multiple":
        valid = [letter(i) for i in range(len(item["choices"]))]
        assert len(set(item["choices"])) == len(item["choices"])
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
            if isinstance(node, ast.Call):
                assert isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS
        for name in item["variables"]:
            assert name in item["prompt"], f"variable {name} is not mentioned in the prompt"
    else:
        pytest.fail(f"unknown kind {kind}")


def test_every_item_has_a_verifier():
    assert set(ITEMS) == set(VERIFIERS)


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_answer_is_right(item_id):
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(20240 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def verify_q1(item, rng):
    assert item["choices"] == ["1/sqrt(2)", "0", "2", "1/2"]
    values = [1 / math.sqrt(2), 0.0, 2.0, 0.5]
    u, v = np.array([1.0, 1.0, 0.0]), np.array([1.0, 0.0, 1.0])
    assert "(1, 1, 0)" in item["prompt"] and "(1, 0, 1)" in item["prompt"]
    cos = u @ v / (np.linalg.norm(u) * np.linalg.norm(v))
    assert letters_where(math.isclose(value, cos) for value in values) == [item["answer"]]


def verify_q2(item, rng):
    assert "(2, -3, 6)" in item["prompt"]
    assert_numeric(item, float(np.linalg.norm([2.0, -3.0, 6.0])))


def verify_q3(item, rng):
    assert "(1, 2, -1)" in item["prompt"]
    target = np.array([1, 2, -1])
    vectors = [np.array(ast.literal_eval(choice)) for choice in item["choices"]]
    assert letters_where(int(vec @ target) == 0 for vec in vectors) == item["answer"]


def verify_q4(item, rng):
    assert "(1, 2)" in item["prompt"]

    def direct(x, y):
        diff = np.array([x, y]) - np.array([1.0, 2.0])
        return float(np.linalg.norm(diff) ** 2)

    assert_expression_matches(item, direct, random_points(item, rng))


def verify_q5(item, rng):
    def direct(x, y):
        u, v = np.array([x, y]), np.array([1.0, 0.0])
        return float(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))

    assert item["domain"][0] > 0  # the zero vector, where the cosine is undefined, is excluded
    assert_expression_matches(item, direct, random_points(item, rng))


def verify_q6(item, rng):
    assert "3x2" in item["prompt"] and "2x4" in item["prompt"]
    shape = (rng.normal(size=(3, 2)) @ rng.normal(size=(2, 4))).shape
    text = f"{shape[0]}x{shape[1]}"
    assert letters_where(choice == text for choice in item["choices"]) == [item["answer"]]


def verify_q7(item, rng):
    def count_multiplications(n, k, m):
        a, b = rng.normal(size=(n, k)), rng.normal(size=(k, m))
        c = np.zeros((n, m))
        count = 0
        for i in range(n):
            for j in range(m):
                for l in range(k):
                    c[i, j] += a[i, l] * b[l, j]
                    count += 1
        assert np.allclose(c, a @ b)
        return count

    low, high = item["domain"]
    points = [
        {"n": n, "k": k, "m": m}
        for n in (1, 2, 5) for k in (1, 3, 4) for m in (1, 2, 6)
        if low <= min(n, k, m) and max(n, k, m) <= high
    ]
    assert_expression_matches(item, count_multiplications, points)


def verify_q8(item, rng):
    always = []
    for choice in item["choices"]:
        holds = True
        for _ in range(40):
            n = int(rng.integers(2, 6))
            A = rng.normal(size=(n, n))
            M = eval(choice, {"__builtins__": {}}, {"A": A})  # noqa: S307 - our own choice text
            holds = holds and bool(np.allclose(M, M.T))
        always.append(holds)
    assert letters_where(always) == item["answer"]


def verify_q9(item, rng):
    matrix = [[2, 1, 0], [1, 3, 1], [0, 1, 2]]
    assert str(matrix) in item["prompt"]
    assert_numeric(item, float(np.linalg.det(np.array(matrix, dtype=float))))


def verify_q10(item, rng):
    assert "3x3" in item["prompt"] and "det(A) = 4" in item["prompt"]
    results = set()
    for _ in range(20):
        A = rng.normal(size=(3, 3))
        if np.linalg.det(A) < 0:
            A[0] = -A[0]
        A *= (4 / np.linalg.det(A)) ** (1 / 3)
        assert math.isclose(np.linalg.det(A), 4)
        results.add(round(float(np.linalg.det(2 * A)), 6))
    assert len(results) == 1
    (value,) = results
    assert letters_where(math.isclose(float(choice), value) for choice in item["choices"]) == [item["answer"]]


def verify_q11(item, rng):
    singular = [np.array([[1.0, 2, 3], [2, 4, 6], [1, 0, 1]]), np.zeros((3, 3))]
    for rank in (1, 2, 2, 2, 1):
        for _ in range(5):
            B = rng.integers(-4, 5, size=(3, rank)).astype(float)
            C = rng.integers(-4, 5, size=(rank, 3)).astype(float)
            singular.append(B @ C)
    for A in singular:
        assert abs(np.linalg.det(A)) < 1e-9

    def has_null_vector(A):
        basis = scipy.linalg.null_space(A)
        return basis.shape[1] >= 1 and np.allclose(A @ basis[:, 0], 0) and np.isclose(np.linalg.norm(basis[:, 0]), 1)

    predicates = [
        has_null_vector,
        lambda A: bool(np.min(np.abs(np.linalg.eigvals(A))) < 1e-6),
        lambda A: bool(np.any(np.all(A == 0, axis=1))),
        lambda A: int(np.linalg.matrix_rank(A)) < A.shape[1],
        lambda A: int(np.linalg.matrix_rank(A)) <= 2,
        lambda A: bool(np.all(A == 0)),
    ]
    assert len(predicates) == len(item["choices"])
    must = [all(predicate(A) for A in singular) for predicate in predicates]
    assert letters_where(must) == item["answer"]


def verify_q12(item, rng):
    matrix = [[1, 2, 3], [2, 4, 6], [1, 0, 1]]
    assert str(matrix) in item["prompt"]
    assert_numeric(item, int(np.linalg.matrix_rank(np.array(matrix, dtype=float))))


def verify_q13(item, rng):
    assert "b = (5, 1, 3)" in item["prompt"] and "a = (1, 0, 1)" in item["prompt"]
    a, b = np.array([1.0, 0.0, 1.0]), np.array([5.0, 1.0, 3.0])
    (t,), *_ = np.linalg.lstsq(a[:, None], b, rcond=None)  # the closest multiple of a to b
    assert np.isclose((b - t * a) @ a, 0)
    assert_numeric(item, float(t))


def verify_q14(item, rng):
    samples = [random_orthogonal(rng, int(rng.integers(2, 6))) for _ in range(60)]
    samples += [np.array([[1.0, 0.0], [0.0, -1.0]]), np.array([[0.0, -1.0], [1.0, 0.0]])]
    for Q in samples:
        assert np.allclose(Q.T @ Q, np.eye(len(Q)))

    def keeps_norms(Q):
        x = rng.normal(size=len(Q))
        return bool(np.isclose(np.linalg.norm(Q @ x), np.linalg.norm(x)))

    predicates = [
        lambda Q: bool(np.allclose(np.linalg.inv(Q), Q.T)),
        keeps_norms,
        lambda Q: bool(np.isclose(np.linalg.det(Q), 1)),
        lambda Q: bool(np.all(np.abs(np.linalg.eigvals(Q).imag) < 1e-9)),
        lambda Q: bool(np.allclose(Q @ Q.T, np.eye(len(Q)))),
    ]
    assert len(predicates) == len(item["choices"])
    always = [all(predicate(Q) for Q in samples) for predicate in predicates]
    assert letters_where(always) == item["answer"]


def verify_q15(item, rng):
    assert "(0, 2), (1, 3) and (2, 7)" in item["prompt"]
    x, y = np.array([0.0, 1.0, 2.0]), np.array([2.0, 3.0, 7.0])
    slope, intercept = np.polyfit(x, y, 1)
    X = np.column_stack([np.ones_like(x), x])
    w, *_ = np.linalg.lstsq(X, y, rcond=None)
    assert np.allclose(w, [intercept, slope])
    assert_numeric(item, float(slope))


def verify_q16(item, rng):
    assert "[[2, 5], [0, 3]]" in item["prompt"]
    eigenvalues = sorted(np.linalg.eigvals(np.array([[2.0, 5.0], [0.0, 3.0]])).real)
    parsed = [sorted(float(part) for part in choice.split(" and ")) for choice in item["choices"]]
    assert letters_where(np.allclose(p, eigenvalues) for p in parsed) == [item["answer"]]


def verify_q17(item, rng):
    from sklearn.decomposition import PCA

    singular_values = np.array([3.0, 2.0, 1.0])
    n = 10
    # Columns orthonormal and orthogonal to the all-ones vector, so the data is centred.
    basis, _ = np.linalg.qr(np.column_stack([np.ones(n), rng.normal(size=(n, 3))]))
    U = basis[:, 1:4]
    V = random_orthogonal(rng, 3)
    X = U @ np.diag(singular_values) @ V.T
    assert np.allclose(X.mean(axis=0), 0)
    assert np.allclose(np.linalg.svd(X, compute_uv=False), singular_values)
    ratio = float(PCA().fit(X).explained_variance_ratio_[0])
    assert_numeric(item, ratio)
    # The tolerance must reject the classic mistake of not squaring: 3 / (3 + 2 + 1).
    assert abs(item["answer"] - 3 / 6) > item["tolerance"]


def verify_q18(item, rng):
    def stored_numbers(k, m, n):
        U, s, Vt = np.linalg.svd(rng.normal(size=(m, n)), full_matrices=False)
        return U[:, :k].size + s[:k].size + Vt[:k].size

    low, high = item["domain"]
    points = [
        {"k": k, "m": m, "n": n}
        for m in (1, 3, 7, 12) for n in (2, 5, 9) for k in (1, 2, 4)
        if k <= min(m, n) and low <= min(k, m, n) and max(k, m, n) <= high
    ]
    assert_expression_matches(item, stored_numbers, points)


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}
