"""Reference tests for the function exercises of the differential-equations module.

Each reference solution is compared, over every case of its check for seeds 0-2 and judged by
the check's own `compare`, with an independent computation: closed forms (Euler on linear
ODEs is (1 + h a)^n y0, the logistic sigmoid), matrix powers and scipy.linalg.expm,
numpy.linalg.eigvals, sympy Jacobians, scipy.integrate.solve_ivp for the SIR peak, and
independent step-by-step implementations for the fixed-step methods. Recorded mistakes must
go wrong on edge and random cases and be told apart; starters must fail.
"""

from __future__ import annotations

import copy
import math
import re
import sys
import tomllib

import numpy as np
import pytest
import scipy.linalg
import sympy
from scipy.integrate import solve_ivp

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "differential-equations"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(3)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


T, Y = sympy.symbols("t y")
SYMPY_MENU = {"-y": -Y, "y*(1-y)": Y * (1 - Y), "t-y": T - Y, "cos(t)": sympy.cos(T), "-t*y": -T * Y, "sin(y)": sympy.sin(Y)}
NUMPY_MENU = {name: sympy.lambdify((T, Y), expr, "numpy") for name, expr in SYMPY_MENU.items()}


def ref_slope_field(f, ts, ys):
    Tg, Yg = np.meshgrid(np.asarray(ts, dtype=float), np.asarray(ys, dtype=float))
    return (NUMPY_MENU[f](Tg, Yg) + 0.0 * Tg).tolist()


def ref_euler(f, t0, y0, h, n):
    if f == "-y":  # a linear ODE: Euler has the closed form (1 - h)^k y0
        return [(1 - h) ** k * y0 for k in range(n + 1)]
    g = NUMPY_MENU[f]
    ts = t0 + h * np.arange(n + 1)
    ys = np.empty(n + 1)
    ys[0] = y0
    for k in range(n):
        ys[k + 1] = ys[k] + h * float(g(ts[k], ys[k]))
    return ys.tolist()


def ref_euler_error(rate, y0, T, n):
    return float((1 + T / n * rate) ** n * y0 - y0 * np.exp(rate * T))


def ref_rk4(f, t0, y0, h, n):
    if f == "-y":  # RK4 on y' = -y multiplies by the degree-4 Taylor polynomial of exp(-h)
        factor = sum((-h) ** j / math.factorial(j) for j in range(5))
        return [factor**k * y0 for k in range(n + 1)]
    g = NUMPY_MENU[f]
    c, w = [0.0, 0.5, 0.5, 1.0], [1, 2, 2, 1]
    ys = [float(y0)]
    for k in range(n):
        t, y, slopes, prev = t0 + k * h, ys[-1], [], 0.0
        for i in range(4):
            prev = float(g(t + c[i] * h, y + c[i] * h * prev))
            slopes.append(prev)
        ys.append(y + h * sum(a * b for a, b in zip(w, slopes)) / 6)
    return ys


def ref_logistic_curve(r, K, y0, ts):
    return [float(K * scipy.special.expit(r * t - np.log(K / y0 - 1))) if y0 < K else
            float(K / (1 + (K - y0) / y0 * np.exp(-r * t))) for t in ts]


def ref_sir_euler(beta, gamma, s0, i0, h, n):
    def F(x):
        s, i, _ = x
        return np.array([-beta * s * i, beta * s * i - gamma * i, gamma * i])

    X = [np.array([s0, i0, 1 - s0 - i0])]
    for _ in range(n):
        X.append(X[-1] + h * F(X[-1]))
    return np.array(X).tolist()


def ref_sir_peak(beta, gamma, s0, i0):
    if beta * s0 <= gamma:
        return float(i0)
    # The peak is where I' = 0; find it with an event of solve_ivp, and refine the value.
    event = lambda t, x: beta * x[0] - gamma
    event.terminal = True
    sol = solve_ivp(lambda t, x: [-beta * x[0] * x[1], beta * x[0] * x[1] - gamma * x[1]], (0, 1e5), [s0, i0],
                    events=event, rtol=1e-12, atol=1e-14, method="DOP853")
    return float(sol.y_events[0][0][1])


def ref_classify(A):
    lam = np.linalg.eigvals(np.asarray(A, dtype=float))
    re_, im_ = lam.real, lam.imag
    if abs(im_).max() > 1e-9:
        if abs(re_[0]) < 1e-9:
            return "center"
        return ("stable" if re_[0] < 0 else "unstable") + " spiral"
    if re_.min() < 0 < re_.max():
        return "saddle"
    return ("stable" if re_.max() < 0 else "unstable") + " node"


def ref_lotka_volterra_jacobian(a, b, c, d, x, y):
    X, Yv = sympy.symbols("X Y")
    F = sympy.Matrix([a * X - b * X * Yv, c * X * Yv - d * Yv])
    return np.array(F.jacobian([X, Yv]).subs({X: x, Yv: y}), dtype=float).tolist()


def ref_gradient_flow(A, b, x0, t):
    A = np.asarray(A, dtype=float)
    xs = scipy.linalg.solve(A, np.asarray(b, dtype=float), assume_a="pos")
    return (xs + scipy.linalg.expm(-t * A) @ (np.asarray(x0, dtype=float) - xs)).tolist()


def ref_euler_step_limit(M):
    M = np.asarray(M, dtype=float)
    # Bisection on the spectral radius of I + h M, an independent route to the same bound.
    lo, hi = 0.0, 10.0
    for _ in range(200):
        mid = (lo + hi) / 2
        if np.abs(np.linalg.eigvals(np.eye(len(M)) + mid * M)).max() < 1:
            lo = mid
        else:
            hi = mid
    return lo


def ref_heavy_ball(A, b, x0, learning_rate, momentum, steps):
    # The iteration is affine in (x, v): z <- B z + c; apply it with numpy.linalg.matrix_power.
    A, b, x0 = (np.asarray(v, dtype=float) for v in (A, b, x0))
    d = len(x0)
    Bv = np.hstack([-learning_rate * A, momentum * np.eye(d)])
    Bx = np.hstack([np.eye(d), np.zeros((d, d))]) + Bv
    B = np.vstack([Bx, Bv])
    c = np.concatenate([learning_rate * b, learning_rate * b])
    xs = np.linalg.solve(A, b)
    z_star = np.concatenate([xs, np.zeros(d)])  # the fixed point of the iteration
    z0 = np.concatenate([x0, np.zeros(d)])
    assert np.allclose(B @ z_star + c, z_star)
    z = z_star + np.linalg.matrix_power(B, steps) @ (z0 - z_star)
    return z[:d].tolist()


def ref_residual_network(X, W, b, T, n):
    X, W, b = (np.asarray(v, dtype=float) for v in (X, W, b))
    out = []
    for x in X:
        for _ in range(n):
            x = x + T / n * np.tanh(np.einsum("ij,j->i", W, x) + b)
        out.append(x)
    return np.array(out).tolist()


EXERCISES = {
    "slope-field": ("slope_field", ref_slope_field),
    "euler-steps": ("euler", ref_euler),
    "euler-error": ("euler_error", ref_euler_error),
    "rk4-steps": ("rk4", ref_rk4),
    "logistic-curve": ("logistic_curve", ref_logistic_curve),
    "sir-euler": ("sir_euler", ref_sir_euler),
    "sir-peak": ("sir_peak", ref_sir_peak),
    "classify-fixed-point": ("classify_fixed_point", ref_classify),
    "lotka-volterra-jacobian": ("lotka_volterra_jacobian", ref_lotka_volterra_jacobian),
    "gradient-flow": ("gradient_flow", ref_gradient_flow),
    "euler-step-limit": ("euler_step_limit", ref_euler_step_limit),
    "heavy-ball": ("heavy_ball", ref_heavy_ball),
    "residual-network": ("residual_network", ref_residual_network),
}

import scipy.special  # noqa: E402  (used by ref_logistic_curve)


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(load_file(path), entry)


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


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
    assert meta["entry"] == EXERCISES[slug][0]
    assert 2 <= len(meta["hints"]) <= 4
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    assert "the grader calls it with keyword arguments" in " ".join(prompt.split())
    assert len(re.findall(r"```python\n", prompt)) == 1, "exactly one worked example"
    assert all(len(line) <= 100 for line in prompt.splitlines() if not line.startswith(">>>"))
    assert 2 <= len(list((folder / "mistakes").glob("*.py"))) <= 3


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_shape(slug, seed):
    cases = exercise_cases(exercise_id(slug), seed)
    assert 1 <= sum(case.hidden for case in cases) <= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    first_random = next(i for i, case in enumerate(cases) if case.label is None)
    assert all(case.label is not None for case in cases[:first_random])


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
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        assert repr(before) == repr(case.args), f"{slug}: the solution modified its arguments"


def test_euler_is_first_order_and_rk4_fourth_order():
    euler = function_of(FOLDER / "euler-steps" / "solution.py", "euler")
    rk4 = function_of(FOLDER / "rk4-steps" / "solution.py", "rk4")
    exact = solve_ivp(lambda t, y: t - y, (0, 2), [1.0], rtol=1e-12, atol=1e-12).y[0, -1]
    e = [abs(euler(f="t-y", t0=0.0, y0=1.0, h=2 / n, n=n)[-1] - exact) for n in (40, 80)]
    r = [abs(rk4(f="t-y", t0=0.0, y0=1.0, h=2 / n, n=n)[-1] - exact) for n in (10, 20)]
    assert 1.8 < e[0] / e[1] < 2.2 and 14 < r[0] / r[1] < 18


def test_residual_network_converges_to_the_ode():
    net = function_of(FOLDER / "residual-network" / "solution.py", "residual_network")
    W = np.array([[0.2, -1.0], [1.0, 0.1]])
    b = np.array([0.1, -0.2])
    exact = solve_ivp(lambda t, x: np.tanh(W @ x + b), (0, 1.5), [1.0, -0.5], rtol=1e-12, atol=1e-12).y[:, -1]
    errors = [np.abs(np.array(net(X=[[1.0, -0.5]], W=W.tolist(), b=b.tolist(), T=1.5, n=n))[0] - exact).max() for n in (50, 100)]
    assert 1.8 < errors[0] / errors[1] < 2.2


LESSONS = MODULES / MODULE / "lessons"


def test_sir_lesson_says_which_named_start_climbs():
    # Lesson 2 named the start (0.3, 0.3) as one left of S = gamma / beta = 0.2 that "only
    # descends"; it is right of the line, and its I climbs (0.3 -> 0.32) before it falls.
    text = " ".join((LESSONS / "02-rk4-growth-and-systems.md").read_text(encoding="utf-8").split())
    beta, gamma = 0.5, 0.1
    for sentence in re.split(r"(?<=[.!?]) ", text):
        for s0, i0 in re.findall(r"from \$\((0\.\d+), (0\.\d+)\)\$", sentence):
            rises = beta * float(s0) * float(i0) - gamma * float(i0) > 0
            assert ("only descend" in sentence) != rises, sentence


def test_flow_lesson_describes_the_unstable_step_rightly():
    # Lesson 3 said that with eta = 0.21 the flat direction "has barely moved" in 15 steps;
    # it shrinks by 0.79 per step, from 9 to 0.26. The numbers it quotes must be the run's.
    text = " ".join((LESSONS / "03-stability-gradient-flow-neural-odes.md").read_text(encoding="utf-8").split())
    x = np.array([9.0, 1.5])
    for _ in range(15):
        x = x - 0.21 * np.array([1.0, 10.0]) * x
    assert "barely moved" not in text
    quoted = re.search(r"grown from 1\.5 to \$(-?[\d.]+)\$, although the flat coordinate has shrunk from 9 to \$([\d.]+)\$", text)
    assert quoted, "the lesson states where both coordinates are after 15 steps"
    assert [float(v) for v in quoted.groups()] == [round(float(x[1]), 2), round(float(x[0]), 2)]


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    entry = EXERCISES[slug][0]
    starter = function_of(FOLDER / slug / "starter.py", entry)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), 0)
    assert not all(passes(check, plain(solution(**copy.deepcopy(c.args))), call(starter, c.args), c) for c in cases)


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_mistake_is_caught_on_edge_and_random_cases(slug, path, seed):
    entry = EXERCISES[slug][0]
    check = check_of(slug)
    mistake = function_of(path, entry)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    cases = exercise_cases(exercise_id(slug), seed)
    wrong = [not passes(check, plain(solution(**copy.deepcopy(c.args))), call(mistake, c.args), c) for c in cases]
    assert any(w for w, c in zip(wrong, cases) if c.label is not None), f"{path.name} is not caught by the edge cases"
    random = [w for w, c in zip(wrong, cases) if c.label is None and not c.hidden]
    assert sum(random) >= 0.25 * len(random), f"{path.name} goes wrong on only {sum(random)} of {len(random)} random cases"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_mistakes_are_told_apart(slug):
    entry = EXERCISES[slug][0]
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), 0)
    outputs = {p.stem: [call(function_of(p, entry), c.args) for c in cases] for p in sorted((FOLDER / slug / "mistakes").glob("*.py"))}
    for name, got in outputs.items():
        for other, other_got in outputs.items():
            if other != name:
                assert any(not passes(check, a, b, c) for a, b, c in zip(got, other_got, cases) if a is not RAISED), (
                    f"{name} cannot be told apart from {other}")


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
def test_mistake_is_explained_in_two_to_five_sentences(slug, path):
    text = path.with_suffix(".md").read_text(encoding="utf-8").strip()
    assert 2 <= len(SENTENCE_END.findall(text)) <= 5
    assert text.startswith("You") and "$" not in text
