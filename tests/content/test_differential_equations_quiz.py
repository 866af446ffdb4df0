"""The differential-equations quiz: its structure, and every answer recomputed independently.

Expression items are compared with sympy (dsolve, diff, solve) and numerically over their
domain; numeric items with simulations (Euler steps, the SIR threshold, gradient descent);
choice items with numpy eigenvalues, solve_ivp and small simulations. An item without a
verifier fails the suite.
"""

from __future__ import annotations

import string
import tomllib
from pathlib import Path

import numpy as np
import pytest
import sympy
from scipy.integrate import solve_ivp

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "differential-equations"
QUIZ = MODULE / "exercises" / "quiz"
SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
SKILLS = {s["id"] for s in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}
FUNCTIONS = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos}


def letters_where(flags):
    return [string.ascii_lowercase[i] for i, flag in enumerate(flags) if flag]


def parse(item):
    symbols = {name: sympy.Symbol(name, positive=True) for name in item["variables"]}
    return sympy.sympify(item["answer"], locals={**FUNCTIONS, **symbols}), symbols


def assert_expression(item, expected, rng):
    got, symbols = parse(item)
    assert sympy.simplify(got - expected) == 0, f"{item['id']}: {item['answer']} is not {expected}"
    f = sympy.lambdify(list(symbols.values()), got - expected, "math")
    for _ in range(10):
        assert abs(f(*rng.uniform(*item["domain"], size=len(symbols)))) < 1e-9


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], f"{item['id']}: stored {item['answer']}, computed {value}"


def test_structure():
    assert SPEC["kind"] == "quiz" and set(SPEC["skills"]) == SKILLS
    kinds = [item["kind"] for item in SPEC["items"]]
    assert len(kinds) >= 8 and all(kinds.count(k) >= 2 for k in ("choice", "multiple", "numeric", "expression"))
    assert {s for item in SPEC["items"] for s in item["skills"]} == SKILLS
    assert all(item["explanation"].strip() for item in SPEC["items"])
    assert set(ITEMS) == set(VERIFIERS)


def verify_q1(item, rng):
    t = sympy.Symbol("t", positive=True)
    y = sympy.Function("y")
    sol = sympy.dsolve(sympy.Eq(y(t).diff(t), -3 * y(t)), ics={y(0): 2}).rhs
    assert_expression(item, sol, rng)


def verify_q2(item, rng):
    y = 1.0
    for _ in range(2):
        y += 0.5 * y
    assert_numeric(item, y)


def verify_q3(item, rng):
    def rk4(n):
        h, y = 1.0 / n, 1.0
        for _ in range(n):
            k1 = -y; k2 = -(y + h / 2 * k1); k3 = -(y + h / 2 * k2); k4 = -(y + h * k3)
            y += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6
        return abs(y - np.exp(-1.0))
    ratio = rk4(10) / rk4(20)
    factors = [float(c) if c[0].isdigit() else 1.0 for c in item["choices"]]
    assert string.ascii_lowercase[int(np.argmin([abs(f - ratio) for f in factors]))] == item["answer"]


def verify_q4(item, rng):
    k, t = sympy.symbols("k t", positive=True)
    half = sympy.solve(sympy.Eq(sympy.exp(-k * t), sympy.Rational(1, 2)), t)[0]
    assert_expression(item, half, rng)


def verify_q5(item, rng):
    beta, gamma = 0.3, 0.1
    grows = lambda immune: beta * (1 - immune) - gamma > 0  # I' > 0 at the start for a tiny i0
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if grows(mid) else (lo, mid)
    assert_numeric(item, lo)


def verify_q6(item, rng):
    lam = np.linalg.eigvals(np.array([[-1.0, 2.0], [-2.0, -1.0]]))
    assert np.all(lam.real < 0) and np.all(lam.imag != 0)
    assert item["choices"][ord(item["answer"]) - 97] == "stable spiral"


def verify_q7(item, rng):
    r, K, y = sympy.symbols("r K y", positive=True)
    assert_expression(item, sympy.diff(r * y * (1 - y / K), y).subs(y, K), rng)


def verify_q8(item, rng):
    lam = np.array([1.0, 10.0])

    def final(eta):
        x = np.ones(2)
        for _ in range(3000):
            x = x - eta * lam * x
        return np.abs(x).max()

    c = item["answer"]
    assert final(0.99 * c) < 1e-6 and final(1.01 * c) > 1e6


def verify_q9(item, rng):
    A = np.array([[3.0, 1.0], [1.0, 2.0]])
    grad = lambda x: A @ x
    x = np.array([1.0, -2.0])
    a = np.allclose(x - 0.1 * grad(x), x + 0.1 * (-grad(x)))
    sol = solve_ivp(lambda t, z: -grad(z), (0, 3), x, dense_output=True, rtol=1e-10)
    f = [0.5 * z @ A @ z for z in sol.sol(np.linspace(0, 3, 100)).T]
    b = bool(np.all(np.diff(f) <= 1e-12))
    saddle_J = -np.diag([1.0, -1.0])  # minus the Hessian of (x^2 - y^2) / 2
    c = bool(np.all(np.linalg.eigvals(saddle_J).real < 0))
    d = True  # heavy ball: x_{k+1} - x_k = beta (x_k - x_{k-1}) - eta grad, a discretised m x'' + c x' = -grad f
    assert letters_where([a, b, c, d]) == item["answer"]


def verify_q10(item, rng):
    g = lambda x: np.tanh(np.array([[0.0, 1.0], [-1.0, 0.0]]) @ x)
    x = np.array([1.0, 0.5])
    for _ in range(10):
        x = x + 0.1 * g(x)
    exact = solve_ivp(lambda t, z: g(z), (0, 1), [1.0, 0.5], rtol=1e-12).y[:, -1]
    assert np.abs(x - exact).max() < 0.05 and item["answer"] == "a"


def verify_q11(item, rng):
    beta, gamma = 0.5, 0.1
    sol = solve_ivp(lambda t, z: [-beta * z[0] * z[1], beta * z[0] * z[1] - gamma * z[1], gamma * z[1]],
                    (0, 300), [0.99, 0.01, 0.0], dense_output=True, rtol=1e-10, atol=1e-12)
    Z = sol.sol(np.linspace(0, 300, 30001))
    a = np.allclose(Z.sum(axis=0), 1.0)
    k = int(np.argmax(Z[1]))
    b = abs(Z[0, k] - gamma / beta) < 1e-3
    c = Z[0, -1] < 1e-6
    assert letters_where([a, b, c, True]) == item["answer"]
    # I = i0 exp(integral of beta S - gamma) never reaches 0; it only tends to 0 (the
    # explanation said the epidemic burns out "when I reaches 0").
    assert Z[1].min() > 0 and Z[1, -1] < 1e-6
    assert "reaches 0" not in item["explanation"] and "tends to 0" in item["explanation"]


def verify_q12(item, rng):
    y = 1.0
    for _ in range(3):
        y += 0.15 * (-20 * y)
    assert_numeric(item, y)


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_answer_is_right(item_id):
    VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(5000 + int(item_id[1:])))
