"""The calculus quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data: sympy
derivatives, series and integrals for the expression items (applied to the AUTHOR's answer
string only), finite differences, scipy's trapezoid and simulated gradient descent for the
numeric ones, and a computation for each claim in the choice items. An item without a
verifier fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import math
import string
import tomllib
from pathlib import Path

import numpy as np
import pytest
import scipy.integrate
import sympy

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "calculus"
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
x, y = sympy.symbols("x y", positive=True)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def letters_where(flags) -> list[str]:
    return [letter(i) for i, flag in enumerate(flags) if flag]


def symbols_of(item):
    return {name: sympy.Symbol(name, positive=True) for name in item["variables"]}


def parse(item):
    """The author's answer as a sympy expression (the domains here are positive)."""
    return sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **symbols_of(item)})


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


def assert_same_expression(item, expected, rng):
    got = parse(item)
    assert sympy.simplify(got - expected) == 0, f"{item['id']}: {item['answer']!r} is not {expected}"
    low, high = item["domain"]
    f = sympy.lambdify(list(symbols_of(item).values()), got - expected, "math")
    for _ in range(20):  # and numerically over the domain the grader samples from
        point = [float(v) for v in rng.uniform(low, high, size=len(item["variables"]))]
        assert abs(f(*point)) < 1e-9


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
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(30300 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def verify_q1(item, rng):
    relu = lambda t: max(t, 0.0)
    # ReLU is continuous at 0 but its one-sided slopes differ: (a) and (d) are false.
    assert abs(relu(1e-12) - relu(0.0)) < 1e-11 and abs(relu(-1e-12) - relu(0.0)) < 1e-11
    right = (relu(1e-6) - relu(0.0)) / 1e-6
    left = (relu(0.0) - relu(-1e-6)) / 1e-6
    assert right == 1.0 and left == 0.0
    # (c) is false: a step function is defined at 0 and jumps there.
    step = lambda t: 1.0 if t >= 0 else 0.0
    assert step(-1e-12) != step(0.0)
    # (b): differentiable at a implies f(a + h) - f(a) = h * (slope + o(1)) -> 0.
    h = sympy.Symbol("h")
    assert sympy.limit((sympy.sin(h + 1) - sympy.sin(1)) / h * h, h, 0) == 0
    assert item["answer"] == "b"


def verify_q2(item, rng):
    assert_same_expression(item, sympy.diff(sympy.sin(x**2), x), rng)


def verify_q3(item, rng):
    assert_same_expression(item, sympy.diff(sympy.log(1 + sympy.exp(x)), x), rng)


def verify_q4(item, rng):
    assert_same_expression(item, sympy.diff(x**2 * y + 3 * y, y), rng)


def verify_q5(item, rng):
    assert_same_expression(item, sympy.series(sympy.cos(x), x, 0, 3).removeO(), rng)


def verify_q6(item, rng):
    f = lambda t: sympy.Rational(t) ** 3
    value = (f("1.1") - f("0.9")) / (2 * sympy.Rational("0.1"))
    assert_numeric(item, float(value))


def verify_q7(item, rng):
    x0 = 1.0
    errors = [abs((math.exp(x0 + h) - math.exp(x0 - h)) / (2 * h) - math.exp(x0)) for h in (1e-2, 1e-5, 1e-12)]
    assert errors[1] < errors[0] and errors[1] < errors[2]
    assert letter(int(np.argmin(errors))) == item["answer"]


def verify_q8(item, rng):
    g = rng.normal(size=5)
    grad = 2 * g
    assert_numeric(item, float(np.linalg.norm(g - grad) / (np.linalg.norm(g) + np.linalg.norm(grad))))


def verify_q9(item, rng):
    grid = np.linspace(0.0, 2.0, 3)
    assert_numeric(item, float(scipy.integrate.trapezoid(grid**2, grid)))


def verify_q10(item, rng):
    # Simulate: below c every start converges, above c it diverges.
    def final(eta):
        w = 1.0
        for _ in range(2000):
            w -= eta * 10 * w
        return abs(w)

    c = item["answer"]
    assert final(c * 0.99) < 1e-6 and final(c * 1.01) > 1e6
    assert final(c * 0.5) < 1e-6


def verify_q11(item, rng):
    w1, w2 = sympy.symbols("w1 w2")
    L = w1**3 * w2**2 + sympy.sin(w1 * w2)
    H = sympy.hessian(L, (w1, w2))
    a = sympy.simplify(H - H.T) == sympy.zeros(2, 2)
    X = rng.normal(size=(20, 3))
    yv = rng.normal(size=20)
    w = sympy.symbols("v0:3")
    mse = sum((sum(X[i, j] * w[j] for j in range(3)) - yv[i]) ** 2 for i in range(20)) / 20
    Hm = np.array(sympy.hessian(mse, w), dtype=float)
    b = np.allclose(Hm, 2 / 20 * X.T @ X)
    saddle = np.array(sympy.hessian(w1**2 - w2**2, (w1, w2)), dtype=float)
    c = bool(np.all(np.linalg.eigvalsh(saddle) > 0))  # false: a saddle has a negative eigenvalue
    Hq = 2 / 20 * X.T @ X
    lam = np.linalg.eigvalsh(Hq).max()

    def run(eta):
        v = np.ones(3)
        for _ in range(3000):
            v = v - eta * (Hq @ v)
        return np.linalg.norm(v)

    d = run(0.99 * 2 / lam) < 1e-3 and run(1.01 * 2 / lam) > 1e3
    assert letters_where([a, b, c, d]) == item["answer"]


def verify_q12(item, rng):
    Xb = rng.normal(size=(32, 5))
    W = rng.normal(size=(5, 3))
    b = rng.normal(size=3)
    T = rng.normal(size=(32, 3))
    loss = lambda Xm, Wm, bm: float(np.sum((Xm @ Wm + bm - T) ** 2) / 32)
    G = 2 / 32 * (Xb @ W + b - T)

    def numeric(f, value):
        out = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            e = np.zeros_like(value)
            e[index] = 1e-5
            out[index] = (f(value + e) - f(value - e)) / 2e-5
        return out

    dW = numeric(lambda m: loss(Xb, m, b), W)
    db = numeric(lambda m: loss(Xb, W, m), b)
    dX = numeric(lambda m: loss(m, W, b), Xb)
    flags = [
        dW.shape == (5, 3) and np.allclose(Xb.T @ G, dW, atol=1e-6),
        (G.T @ Xb).shape == dW.shape and np.allclose(G.T @ Xb, dW, atol=1e-6),
        db.shape == (3,) and np.allclose(G.sum(axis=0), db, atol=1e-6),
        dX.shape == (32, 5) and np.allclose(G @ W.T, dX, atol=1e-6),
    ]
    assert letters_where(flags) == item["answer"]


def verify_q13(item, rng):
    z = sympy.symbols("z0:3")
    logits = [math.log(0.7), math.log(0.2), math.log(0.1)]  # softmax gives 0.7 to class 0
    loss = sympy.log(sum(sympy.exp(v) for v in z)) - z[0]
    value = float(sympy.diff(loss, z[0]).subs(dict(zip(z, logits))))
    answers = [float(c) for c in item["choices"]]
    assert letter(int(np.argmin([abs(a - value) for a in answers]))) == item["answer"]


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}
