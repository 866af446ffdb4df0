"""The trigonometry quiz: its structure, and every answer key recomputed independently.

Numeric answers are recomputed with math and numpy (numpy.fft for the DFT items); choice and
multiple answers by evaluating every choice numerically and keeping those that are right;
expression answers by sympy, which proves the author's expression equal to one built from the
definitions. An item without a verifier fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import math
import string
import tomllib
from pathlib import Path

import numpy as np
import pytest
import sympy

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "trigonometry"
QUIZ = MODULE / "exercises" / "quiz"
SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text())["skills"]}
SYMPY_NAMES = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin,
               "cos": sympy.cos, "tan": sympy.tan, "abs": sympy.Abs, "pi": sympy.pi, "e": sympy.E}


def letters_where(flags) -> list[str]:
    return [string.ascii_lowercase[i] for i, flag in enumerate(flags) if flag]


def author_expression(item):
    """The author's answer string as a sympy expression (trusted text only)."""
    symbols = {name: sympy.Symbol(name, real=True) for name in item["variables"]}
    return sympy.sympify(item["answer"], locals={**SYMPY_NAMES, **symbols}), symbols


def assert_same_expression(item, build):
    expression, symbols = author_expression(item)
    reference = build(**symbols)
    assert sympy.simplify(expression - reference) == 0, f"{item['id']}: {item['answer']} != {reference}"
    # and numerically over the item's domain, where the learner's answer will be compared
    rng = np.random.default_rng(0)
    low, high = item["domain"]
    f = sympy.lambdify(list(symbols.values()), expression, "math")
    g = sympy.lambdify(list(symbols.values()), reference, "math")
    for _ in range(50):
        point = [float(v) for v in rng.uniform(low, high, size=len(symbols))]
        assert math.isclose(f(*point), g(*point), rel_tol=1e-12, abs_tol=1e-12)


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], f"{item['id']}: key {item['answer']}, recomputed {value}"
    # the tolerance must not admit a neighbouring wrong answer such as a sign error
    assert item["tolerance"] < max(1e-3, abs(value) * 1e-2) or item["tolerance"] == 0


# ---------------------------------------------------------------- verifiers


def verify_q1(item):
    assert_numeric(item, math.radians(150))


def verify_q2(item):
    point = (math.cos(2 * math.pi / 3), math.sin(2 * math.pi / 3))
    values = [(-0.5, math.sqrt(3) / 2), (math.sqrt(3) / 2, 0.5), (0.5, -math.sqrt(3) / 2), (-math.sqrt(3) / 2, 0.5)]
    assert [item["answer"]] == letters_where(math.dist(point, v) < 1e-12 for v in values)


def verify_q3(item):
    xs = np.linspace(-3.0, 3.0, 601)
    xs = xs[(np.abs(np.sin(xs)) > 1e-3) & (np.abs(np.cos(xs)) > 1e-3)]
    identities = [
        lambda x: np.sin(-x) - (-np.sin(x)),
        lambda x: np.cos(x + np.pi) - (-np.cos(x)),
        lambda x: np.sin(x + np.pi / 2) - np.cos(x),
        lambda x: np.cos(2 * x) - 2 * np.cos(x),
        lambda x: np.tan(x) - np.cos(x) / np.sin(x),
        lambda x: np.sin(2 * x) - 2 * np.sin(x) * np.cos(x),
    ]
    assert len(identities) == len(item["choices"])
    holds = [bool(np.allclose(f(xs), 0.0, atol=1e-9)) for f in identities]
    assert sorted(item["answer"]) == letters_where(holds)


def verify_q4(item):
    u, v = np.array([1.0, 0.0]), np.array([-1.0, math.sqrt(3)])
    assert_numeric(item, float(np.arccos(u @ v / (np.linalg.norm(u) * np.linalg.norm(v)))))


def verify_q5(item):
    assert_same_expression(item, lambda x: (x * 1 + 1 * 1) / (sympy.sqrt(x**2 + 1) * sympy.sqrt(1 + 1)))


def verify_q6(item):
    value = math.atan2(-2, -2)
    values = [math.pi / 4, -3 * math.pi / 4, 3 * math.pi / 4, 5 * math.pi / 4]
    assert [item["answer"]] == letters_where(abs(value - v) < 1e-12 for v in values)


def verify_q7(item):
    assert_numeric(item, 2 * math.cos(5 * math.pi / 6))


def verify_q8(item):
    def rotated_x(x, y, t):
        rotation = sympy.Matrix([[sympy.cos(t), -sympy.sin(t)], [sympy.sin(t), sympy.cos(t)]])
        return (rotation * sympy.Matrix([x, y]))[0]

    assert_same_expression(item, rotated_x)


def verify_q9(item):
    frequency = sympy.Rational(1, 12)
    assert_same_expression(item, lambda t: 3 * sympy.sin(2 * sympy.pi * frequency * t))


def verify_q10(item):
    def step_ok(period):
        # consecutive hours (including 23 -> 0) are all the same distance apart, and no two hours coincide
        points = [(math.sin(2 * math.pi * h / period), math.cos(2 * math.pi * h / period)) for h in range(24)]
        steps = [math.dist(points[h], points[(h + 1) % 24]) for h in range(24)]
        distinct = all(math.dist(points[a], points[b]) > 1e-9 for a in range(24) for b in range(a))
        return distinct and max(steps) - min(steps) < 1e-9

    assert [item["answer"]] == letters_where(step_ok(p) for p in (23, 24, 12, 2 * math.pi))


def verify_q11(item):
    X = np.fft.fft([1.0, 2.0, 3.0, 4.0])
    assert abs(X[2].imag) < 1e-12
    assert_numeric(item, float(X[2].real))


def verify_q12(item):
    rng = np.random.default_rng(0)
    t = np.arange(100) * (2.0 / 100)
    x = np.sin(2 * np.pi * 5 * t + 0.3) + 0.1 * rng.normal(size=100)
    magnitudes = np.abs(np.fft.fft(x))
    assert_numeric(item, 1 + int(np.argmax(magnitudes[1:50])))


VERIFIERS = {name[len("verify_"):]: f for name, f in dict(globals()).items() if name.startswith("verify_")}


# ---------------------------------------------------------------- tests


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert len(SPEC["hints"]) >= 2
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_kinds():
    items = SPEC["items"]
    assert len(items) >= 8 and len(ITEMS) == len(items)
    kinds = {item["kind"] for item in items}
    assert kinds == {"choice", "multiple", "numeric", "expression"}
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module has a quiz item"


def test_every_item_has_a_verifier():
    assert set(ITEMS) == set(VERIFIERS)


@pytest.mark.parametrize("item_id", list(ITEMS))
def test_answer_is_right(item_id):
    item = ITEMS[item_id]
    assert item["prompt"].strip() and item["explanation"].strip()
    if item["kind"] in ("choice", "multiple"):
        assert len(set(item["choices"])) == len(item["choices"])
    VERIFIERS[item_id](item)
