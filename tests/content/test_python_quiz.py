"""Reference tests for the quiz of the `python` module.

Every keyed answer is recomputed here, independently of the key: the code a
question shows (taken from the backticked spans of its prompt) is actually run,
choice items are matched by running the code and comparing the result with each
choice, and expression items are compared with a direct computation at several
points.
"""

from __future__ import annotations

import ast
import copy
import itertools
import math
import re
import tomllib
from pathlib import Path

import numpy as np
import pytest

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "python"
QUIZ = MODULE / "exercises" / "quiz"

with open(QUIZ / "exercise.toml", "rb") as _f:
    CONFIG = tomllib.load(_f)
ITEMS = {item["id"]: item for item in CONFIG["items"]}

NOT_LITERAL = object()
EXPRESSION_NAMES = {
    "sqrt": math.sqrt,
    "exp": math.exp,
    "log": math.log,
    "sin": math.sin,
    "cos": math.cos,
    "tan": math.tan,
    "abs": abs,
    "pi": math.pi,
    "e": math.e,
}


# ----------------------------------------------------------------- helpers


def spans(item: dict) -> list[str]:
    """The backticked code spans of an item's prompt, in order."""
    return re.findall(r"`([^`]+)`", item["prompt"])


def choice_text(item: dict, letter: str) -> str:
    return item["choices"][ord(letter) - ord("a")]


def letters(item: dict) -> list[str]:
    return [chr(ord("a") + i) for i in range(len(item["choices"]))]


def code_of(text: str) -> str:
    """A choice written as a single code span, without its backticks."""
    match = re.fullmatch(r"`([^`]+)`", text.strip())
    assert match, f"expected a single code span, got {text!r}"
    return match.group(1)


def literal(text: str):
    """The Python value a choice such as "`[1, 2]`" denotes, or NOT_LITERAL."""
    match = re.fullmatch(r"`([^`]+)`", text.strip())
    if not match:
        return NOT_LITERAL
    try:
        return ast.literal_eval(match.group(1))
    except (ValueError, SyntaxError):
        return NOT_LITERAL


def run(setup: list[str], expression: str, namespace: dict | None = None):
    """Execute each setup statement in order, then evaluate the expression."""
    ns = {"np": np, "math": math, "copy": copy} if namespace is None else namespace
    for statement in setup:
        exec(statement, ns)
    return eval(expression, ns)


def assert_choice_matches(item: dict, value) -> None:
    """Exactly one choice denotes `value`, and it is the keyed answer."""
    matching = [
        letter
        for letter in letters(item)
        if (lit := literal(choice_text(item, letter))) is not NOT_LITERAL
        and type(lit) is type(value)
        and lit == value
    ]
    assert matching == [item["answer"]], (item["id"], value, matching)


def assert_numeric(item: dict, value) -> None:
    assert abs(float(value) - float(item["answer"])) <= item.get("tolerance", 1e-9), (
        item["id"],
        value,
        item["answer"],
    )


def evaluate_expression(text: str, **variables: float) -> float:
    return float(eval(text, {"__builtins__": {}}, {**EXPRESSION_NAMES, **variables}))


def assert_expression(item: dict, direct, points: list[dict]) -> None:
    """The keyed expression agrees with a direct computation at each point."""
    for point in points:
        expected = direct(**point)
        got = evaluate_expression(item["answer"], **point)
        assert math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12), (item["id"], point, got, expected)


# ----------------------------------------------------------------- structure


def test_quiz_structure():
    assert CONFIG["kind"] == "quiz"
    assert CONFIG["title"].strip()
    assert 1 <= CONFIG["difficulty"] <= 5
    assert CONFIG["minutes"] > 0
    assert len(CONFIG["hints"]) >= 2 and all(h.strip() for h in CONFIG["hints"])
    assert len(CONFIG["items"]) >= 10
    assert len(ITEMS) == len(CONFIG["items"]), "item ids must be unique"
    kinds = [item["kind"] for item in CONFIG["items"]]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    assert (QUIZ / "prompt.md").read_text(encoding="utf-8").strip()
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_skills_are_declared_in_the_module():
    with open(MODULE / "module.toml", "rb") as f:
        declared = {skill["id"] for skill in tomllib.load(f)["skills"]}
    assert CONFIG["skills"] and set(CONFIG["skills"]) <= declared
    for item in CONFIG["items"]:
        assert set(item.get("skills", [])) <= declared, item["id"]


@pytest.mark.parametrize("item", CONFIG["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", item["id"]), "item ids are Python identifiers"
    assert item["prompt"].strip() and item["explanation"].strip()
    kind = item["kind"]
    if kind in ("choice", "multiple"):
        choices = item["choices"]
        assert len(choices) >= 3 and len(set(choices)) == len(choices)
        valid = set(letters(item))
        if kind == "choice":
            assert isinstance(item["answer"], str) and item["answer"] in valid
        else:
            answer = item["answer"]
            assert isinstance(answer, list) and answer and len(set(answer)) == len(answer)
            assert set(answer) <= valid
            assert len(answer) < len(choices), "a multiple item must have at least one wrong choice"
    elif kind == "numeric":
        assert isinstance(item["answer"], (int, float)) and not isinstance(item["answer"], bool)
        assert item.get("tolerance", 0) >= 0
    elif kind == "expression":
        variables = item["variables"]
        assert variables and all(re.fullmatch(r"[a-z][a-z0-9_]*", v) for v in variables)
        low, high = item["domain"]
        assert low < high
        # Only the allowed operators, functions, constants and the item's variables.
        tree = ast.parse(item["answer"], mode="eval")
        allowed_nodes = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Load, ast.Constant,
                         ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd)
        for node in ast.walk(tree):
            assert isinstance(node, allowed_nodes), (item["id"], type(node).__name__)
            if isinstance(node, ast.Name):
                assert node.id in set(variables) | set(EXPRESSION_NAMES), (item["id"], node.id)
        # Finite everywhere on the domain the grader samples from.
        rng = np.random.default_rng(0)
        for _ in range(50):
            point = {v: float(rng.uniform(low, high)) for v in variables}
            assert math.isfinite(evaluate_expression(item["answer"], **point))
    else:
        pytest.fail(f"unknown kind {kind!r}")


# ----------------------------------------------------------------- answers


def verify_q1(item):
    (code,) = spans(item)
    assert_numeric(item, run([], code))


def verify_q2(item):
    truths = {letter: bool(eval(code_of(choice_text(item, letter)), {"math": math})) for letter in letters(item)}
    assert sorted(letter for letter, true in truths.items() if true) == sorted(item["answer"])


def verify_q3(item):
    (code,) = spans(item)
    assert_numeric(item, run([], code))


def verify_q4(item):
    definition, first_call, second_call = spans(item)
    assert_choice_matches(item, run([definition, first_call], second_call))


def verify_q5(item):
    target, build, assign = spans(item)
    assert_choice_matches(item, run([build, assign], target))


def verify_q6(item):
    setup, imports, _b, _a, mutate = spans(item)
    original = run([setup], "a")
    unchanged = []
    for letter in letters(item):
        ns = {}
        run([setup, imports, code_of(choice_text(item, letter)), mutate], "None", ns)
        if ns["a"] == original:
            unchanged.append(letter)
    assert unchanged == sorted(item["answer"])


def verify_q7(item):
    target, build, assign = spans(item)
    assert_choice_matches(item, run([build, assign], target))


def verify_q8(item):
    line, code = spans(item)
    assert_numeric(item, run([], code, {"line": line}))


def verify_q9(item):
    (code,) = spans(item)
    try:
        outcome = f"it returns `{run([], code)!r}`"
    except Exception as exc:  # noqa: BLE001 - the point is to see which exception
        outcome = f"it raises `{type(exc).__name__}`"
    matching = [letter for letter in letters(item) if choice_text(item, letter) == outcome]
    assert matching == [item["answer"]], outcome


def verify_q10(item):
    *setup, target = spans(item)
    assert_numeric(item, run(setup, target))


def verify_q11(item):
    def direct(n, w):
        values = list(range(int(n)))
        windows = [values[s:s + int(w)] for s in range(len(values)) if len(values[s:s + int(w)]) == int(w)]
        return len(windows)

    points = [{"n": n, "w": w} for n in range(1, 9) for w in range(1, n + 1)]
    assert_expression(item, direct, points)


def verify_q12(item):
    comprehension, _n = spans(item)

    def direct(n):
        return len(run([], comprehension, {"n": int(n)}))

    assert_expression(item, direct, [{"n": n} for n in range(1, 12)])


def verify_q13(item):
    (code,) = spans(item)
    assert_choice_matches(item, tuple(run([], code).shape))


def verify_q14(item):
    _x, x_shape, operation = spans(item)
    computable = []
    for letter in letters(item):
        other_shape = literal(choice_text(item, letter))
        ns = {"np": np, "X": np.ones(ast.literal_eval(x_shape)), "other": np.ones(other_shape)}
        try:
            run([], operation, ns)
        except ValueError:
            continue
        computable.append(letter)
    assert computable == sorted(item["answer"])


def verify_q15(item):
    setup = spans(item)[0]
    assert setup.startswith("a = ")
    views = []
    for letter in letters(item):
        ns = {"np": np}
        result = run([setup], code_of(choice_text(item, letter)), ns)
        before = ns["a"].copy()
        result.flat[0] = 1000  # write into the result and see whether `a` changes
        if not np.array_equal(ns["a"], before):
            assert np.shares_memory(result, ns["a"])
            views.append(letter)
    assert views == sorted(item["answer"])


def verify_q16(item):
    *setup, target = spans(item)
    assert_numeric(item, run(setup, target))


def verify_q17(item):
    setup, target = spans(item)
    assert_numeric(item, run([setup], target))


def verify_q18(item):
    def direct(n, m, k):
        return np.empty((int(n), int(m), int(k))).size

    points = [{"n": n, "m": m, "k": k} for n, m, k in itertools.product([1, 2, 3, 7], [1, 4, 5], [1, 6, 28])]
    assert_expression(item, direct, points)


def verify_q19(item):
    code, _n = spans(item)

    def direct(n):
        return float(run([], code, {"np": np, "n": int(n)}))

    assert_expression(item, direct, [{"n": n} for n in range(1, 15)])


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_")}


def test_every_item_has_a_verifier():
    assert set(VERIFIERS) == set(ITEMS)


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_keyed_answer_is_correct(item_id):
    VERIFIERS[item_id](ITEMS[item_id])
