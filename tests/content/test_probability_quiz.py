"""The probability quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer with scipy, checks a claim by
simulating it or by a counterexample, or (for expression items) checks the author's answer
string symbolically with sympy and numerically over the item's domain. An item without a
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
import scipy.special
import scipy.stats
import sympy

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "probability"
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
    return {name: sympy.Symbol(name, positive=True) for name in item["variables"]}


def assert_same_expression(item, build):
    """The author's answer equals the reference symbolically, and numerically on the domain."""
    symbols = symbols_of(item)
    expression = sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **symbols})
    reference = build(**symbols)
    assert sympy.simplify(expression - reference) == 0, f"{item['id']}: {item['answer']} != {reference}"
    rng = np.random.default_rng(0)
    low, high = item["domain"]
    f = sympy.lambdify(list(symbols.values()), expression, "math")
    g = sympy.lambdify(list(symbols.values()), reference, "math")
    for _ in range(50):
        point = [float(v) for v in rng.uniform(low, high, size=len(symbols))]
        value = f(*point)
        assert math.isfinite(value), f"{item['id']}: undefined at {point} inside the domain"
        assert math.isclose(value, g(*point), rel_tol=1e-12, abs_tol=1e-12)


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], f"{item['id']}: key {item['answer']}, recomputed {value}"
    # the tolerance must not admit a neighbouring wrong answer
    assert item["tolerance"] < max(1e-3, abs(value) * 1e-2) or item["tolerance"] == 0


# ---------------------------------------------------------------- verifiers


def verify_q1(item):
    p_a, p_b, p_a_and_b = 0.3, 0.4, 0.0  # disjoint
    independent = math.isclose(p_a_and_b, p_a * p_b)
    assert not independent
    assert item["answer"] == "b" and item["choices"][1].startswith("No")
    # knowing B makes A impossible
    assert p_a_and_b / p_b == 0.0 != p_a


def verify_q2(item):
    prior = np.array([0.02, 0.98])
    p_positive = np.array([0.9, 0.1])
    joint = prior * p_positive
    assert_numeric(item, float(joint[0] / joint.sum()))


def verify_q3(item):
    assert_numeric(item, int(scipy.special.comb(52, 5, exact=True)))


def verify_q4(item):
    rng = np.random.default_rng(4)
    n, repeats = 50, 20_000
    data = rng.exponential(1.0, size=(repeats, n))
    z = (data.mean(axis=1) - 1.0) / (1.0 / math.sqrt(n))
    standardised_mean_is_normal = abs(float(np.mean(np.abs(z) < 1.96)) - 0.95) < 0.01
    data_become_normal = abs(float(scipy.stats.skew(data.ravel())) - 2.0) > 0.5  # they stay skewed (skewness 2)
    sd_of_mean = abs(float(data.mean(axis=1).std()) - 1.0 / math.sqrt(n)) < 0.01 / math.sqrt(n) * 5
    needs_normal_data = not standardised_mean_is_normal  # exponential data were enough
    flags = [standardised_mean_is_normal, data_become_normal, sd_of_mean, needs_normal_data]
    assert sorted(item["answer"]) == letters_where(flags)


def verify_q5(item):
    p = sympy.Symbol("p", positive=True)
    bernoulli_variance = sympy.expand(p * 1**2 + (1 - p) * 0**2 - p**2)  # E[X^2] - E[X]^2
    assert_same_expression(item, lambda n, p: n * bernoulli_variance.subs(sympy.Symbol("p", positive=True), p))
    assert math.isclose(scipy.stats.binom(10, 0.3).var(), 10 * 0.3 * 0.7)


def verify_q6(item):
    assert_same_expression(item, lambda k, n, p: sympy.diff(k * sympy.log(p) + (n - k) * sympy.log(1 - p), p))
    # its zero is the maximum likelihood estimate k / n
    k, n, p = sympy.symbols("k n p", positive=True)
    assert sympy.solve(sympy.diff(k * sympy.log(p) + (n - k) * sympy.log(1 - p), p), p) == [k / n]


def verify_q7(item):
    assert_numeric(item, float(scipy.stats.entropy([0.5, 0.25, 0.125, 0.125], base=2)))


def verify_q8(item):
    rng = np.random.default_rng(8)
    logits = rng.normal(size=(100, 4))
    labels = rng.integers(0, 4, size=100)
    log_p = scipy.special.log_softmax(logits, axis=1)
    one_hot = np.eye(4)[labels]
    mean_cross_entropy = float(-np.sum(one_hot * log_p) / 100)
    negative_log_likelihood = float(-sum(log_p[i, y] for i, y in enumerate(labels)))
    assert math.isclose(mean_cross_entropy, negative_log_likelihood / 100)
    p, q = np.array([0.9, 0.1]), np.array([0.5, 0.5])
    symmetric = math.isclose(-np.sum(p * np.log(q)), -np.sum(q * np.log(p)))
    bounded = -math.log(1e-6) <= 1.0
    assert not symmetric and not bounded
    assert item["answer"] == "b"


def verify_q9(item):
    assert_same_expression(item, lambda p: -p * sympy.log(p) - (1 - p) * sympy.log(1 - p))
    assert math.isclose(float(scipy.stats.entropy([0.3, 0.7])), -0.3 * math.log(0.3) - 0.7 * math.log(0.7))


def verify_q10(item):
    rng = np.random.default_rng(10)
    # a: KL >= 0 on random pairs, 0 on equal ones
    pairs = [rng.dirichlet(np.ones(5), size=2) for _ in range(200)]
    kl_nonnegative = all(np.sum(scipy.special.rel_entr(p, q)) >= 0 for p, q in pairs)
    kl_nonnegative &= float(np.sum(scipy.special.rel_entr(pairs[0][0], pairs[0][0]))) == 0.0
    # b: symmetric? a counterexample
    p, q = np.array([0.9, 0.1]), np.array([0.5, 0.5])
    symmetric = math.isclose(np.sum(scipy.special.rel_entr(p, q)), np.sum(scipy.special.rel_entr(q, p)))
    # c: the likelihood of 7 heads in 10 tosses, integrated over p
    integral, _ = scipy.integrate.quad(lambda t: t**7 * (1 - t) ** 3, 0, 1)
    likelihood_integrates_to_one = math.isclose(integral, 1.0)
    # d: variances of independent variables add (simulated)
    x, y = rng.exponential(2.0, size=400_000), rng.normal(0, 3.0, size=400_000)
    variances_add = abs(np.var(x + y) - (4.0 + 9.0)) < 0.2
    # e: X uniform on {-1, 0, 1}, Y = X**2: E[XY] = E[X] E[Y], yet P(X=0, Y=1) != P(X=0) P(Y=1)
    xs = np.array([-1, 0, 1])
    ys = xs**2
    uncorrelated = math.isclose(np.mean(xs * ys), np.mean(xs) * np.mean(ys))
    dependent = 0.0 != (1 / 3) * (2 / 3)
    uncorrelated_implies_independent = not (uncorrelated and dependent)
    flags = [kl_nonnegative, symmetric, likelihood_integrates_to_one, variances_add, uncorrelated_implies_independent]
    assert sorted(item["answer"]) == letters_where(flags)


def verify_q11(item):
    assert_numeric(item, float(scipy.stats.poisson.pmf(0, 2.0)))


def verify_q12(item):
    standard_error = math.sqrt(0.91 * 0.09 / 10_000)
    assert abs(standard_error - 0.003) < 0.0005  # the explanation's figure
    assert item["answer"] == "c"


def verify_q13(item):
    dist = scipy.stats.norm(50, 4)
    assert_numeric(item, float(dist.cdf(54) - dist.cdf(46)))


VERIFIERS = {name[len("verify_"):]: f for name, f in dict(globals()).items() if name.startswith("verify_")}


# ---------------------------------------------------------------- tests


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_kinds():
    items = SPEC["items"]
    assert len(items) >= 8 and len(ITEMS) == len(items)
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module is asked about"


@pytest.mark.parametrize("item", SPEC["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert item["prompt"].strip() and item["explanation"].strip()
    assert set(item.get("skills", [])) <= MODULE_SKILLS
    kind = item["kind"]
    if kind in ("choice", "multiple"):
        assert len(set(item["choices"])) == len(item["choices"]) >= 2
        valid = [letter(i) for i in range(len(item["choices"]))]
        if kind == "choice":
            assert item["answer"] in valid
        else:
            assert item["answer"] and len(set(item["answer"])) == len(item["answer"])
            assert set(item["answer"]) <= set(valid) and len(item["answer"]) < len(valid)
    elif kind == "numeric":
        assert isinstance(item["answer"], (int, float)) and not isinstance(item["answer"], bool)
        assert item["tolerance"] >= 0
    elif kind == "expression":
        low, high = item["domain"]
        assert 0 < low < high and item["tolerance"] > 0
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
    VERIFIERS[item_id](ITEMS[item_id])
