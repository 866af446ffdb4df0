"""Reference tests for the function exercises of the calculus module.

Each reference solution is compared with an independent computation over every case of its
check for seeds 0-4, judged by the check's own `compare`: sympy derivatives and series
evaluated numerically, numpy's polynomial module, scipy's trapezoid and softmax, exact
rational arithmetic, and high-precision (mpmath) finite differences where a derivative
has no simpler independent route. The recorded mistakes must go wrong, on random cases and
on the labelled edge cases alone, be told apart from each other, and be explained in two
to five sentences; starters must fail; the cases have the agreed shape; prompts say that the
entry is called with keyword arguments.
"""

from __future__ import annotations

import copy
import math
import re
import sys
import tomllib
from fractions import Fraction

import mpmath
import numpy as np
import pytest
import scipy.integrate
import scipy.special
import sympy
from numpy.polynomial import polynomial as P

from mltrail.grading.contract import Case

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "calculus"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(5)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")
X = sympy.Symbol("x")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------

SYMPY_OUTER = {
    "sin": sympy.sin, "cos": sympy.cos, "exp": sympy.exp, "log": sympy.log, "sqrt": sympy.sqrt,
    "square": lambda u: u**2, "tanh": sympy.tanh,
}
SYMPY_MENU = {
    "sin": sympy.sin(X), "cos": sympy.cos(X), "exp": sympy.exp(X), "log": sympy.log(X), "sqrt": sympy.sqrt(X),
    "x**3": X**3, "tanh": sympy.tanh(X), "x**2": X**2, "gauss": sympy.exp(-(X**2) / 2),
}
NUMPY_MENU = {
    "sin": np.sin, "cos": np.cos, "exp": np.exp, "x**2": np.square, "x**3": lambda t: np.power(t, 3),
    "sqrt": np.sqrt, "gauss": lambda t: np.exp(-np.square(t) / 2),
}


def _exact(value) -> sympy.Expr:
    return sympy.Rational(Fraction(value))


def ref_softplus(values):
    return [float(v) for v in np.logaddexp(0.0, np.asarray(values, dtype=float))]


def ref_derivative_coefficients(coeffs):
    return [float(v) for v in P.polyder(np.asarray(coeffs, dtype=float))] or [0.0]


def ref_chain_derivative(outer, inner, x):
    poly = sum(_exact(a) * X**k for k, a in enumerate(inner))
    derivative = sympy.diff(SYMPY_OUTER[outer](poly), X)
    return float(derivative.subs(X, _exact(x)).evalf(30))


def ref_quadratic_gradient(A, b, x):
    n = len(x)
    xs = sympy.symbols(f"x0:{n}")
    vec = sympy.Matrix(xs)
    f = (vec.T * sympy.Matrix([[_exact(v) for v in row] for row in A]) * vec)[0, 0] + sum(_exact(b[i]) * xs[i] for i in range(n))
    point = {xs[i]: _exact(x[i]) for i in range(n)}
    return [float(sympy.diff(f, s).subs(point)) for s in xs]


def ref_central_difference(name, x, h):
    # The same difference quotient, but with f evaluated to 40 digits: the exact value of
    # the formula for this h, which any float computation must match within rounding.
    f = SYMPY_MENU[name]
    xe, he = _exact(x), _exact(h)
    return float(((f.subs(X, xe + he) - f.subs(X, xe - he)) / (2 * he)).evalf(40))


def ref_gradient_check(X, y, w, grad):
    # For a quadratic loss the central difference equals the true gradient (up to rounding),
    # so the reference uses the analytic gradient, computed in exact rational arithmetic.
    Xf = [[Fraction(v) for v in row] for row in X]
    residual = [sum(a * Fraction(b) for a, b in zip(row, w)) - Fraction(t) for row, t in zip(Xf, y)]
    n = len(y)
    true = [2 * sum(Xf[i][j] * residual[i] for i in range(n)) / n for j in range(len(w))]
    g = np.array([float(v) for v in true])
    c = np.asarray(grad, dtype=float)
    size = np.linalg.norm(g) + np.linalg.norm(c)
    return 0.0 if size == 0 else float(np.linalg.norm(g - c) / size)


def ref_taylor(name, a, x, degree):
    f = SYMPY_MENU[name]
    ae = _exact(a)
    series = sum(sympy.diff(f, X, k).subs(X, ae) / sympy.factorial(k) * (_exact(x) - ae) ** k for k in range(degree + 1))
    return float(sympy.N(series, 40))


def ref_trapezoid(name, a, b, n):
    grid = np.linspace(a, b, n + 1)
    return float(scipy.integrate.trapezoid(NUMPY_MENU[name](grid), grid))


def ref_gradient_descent(X, y, learning_rate, steps):
    # The iteration is affine, w <- M w + c with M = I - eta H: sum the geometric series
    # w_k = (I + M + ... + M^(k-1)) c with matrix powers, in exact rational arithmetic.
    Xs = sympy.Matrix([[_exact(v) for v in row] for row in X])
    ys = sympy.Matrix([_exact(v) for v in y])
    n, d = Xs.shape
    eta = _exact(learning_rate)
    M = sympy.eye(d) - eta * 2 * Xs.T * Xs / n
    c = eta * 2 * Xs.T * ys / n
    w = sympy.zeros(d, 1)
    power = sympy.eye(d)
    for _ in range(steps):
        w += power * c
        power = power * M
    return [float(v) for v in w]


def _mp_jacobian(function, point, h=mpmath.mpf("1e-25")):
    """Central differences at 60 digits: the truncation error (h**2) is far below double precision."""
    point = [mpmath.mpf(v) for v in point]
    columns = []
    for j in range(len(point)):
        plus, minus = list(point), list(point)
        plus[j] += h
        minus[j] -= h
        columns.append([(p - m) / (2 * h) for p, m in zip(function(plus), function(minus))])
    return [[columns[j][i] for j in range(len(point))] for i in range(len(columns[0]))]


def _mp_softmax(z):
    top = max(z)
    e = [mpmath.exp(v - top) for v in z]
    total = mpmath.fsum(e)
    return [v / total for v in e]


def ref_softmax_jacobian(z):
    with mpmath.workdps(60):
        return np.array([[float(v) for v in row] for row in _mp_jacobian(_mp_softmax, z)])


def ref_logistic_hessian(X, w):
    with mpmath.workdps(60):
        rows = [[mpmath.mpf(v) for v in row] for row in X]

        def gradient(v):  # the gradient of the mean logistic loss; labels do not enter the Hessian
            n = len(rows)
            out = [mpmath.mpf(0)] * len(v)
            for row in rows:
                p = 1 / (1 + mpmath.exp(-mpmath.fsum(a * b for a, b in zip(row, v))))
                for j in range(len(v)):
                    out[j] += p * row[j] / n
            return out

        return [[float(v) for v in row] for row in _mp_jacobian(gradient, w)]


def ref_linear_layer_gradients(X, W, b, Y):
    # The loss is quadratic in (W, b), so a central difference with any step is exact in
    # rational arithmetic.
    Xf = [[Fraction(v) for v in row] for row in X]
    Yf = [[Fraction(v) for v in row] for row in Y]
    Wf = [[Fraction(v) for v in row] for row in W]
    bf = [Fraction(v) for v in b]
    n, d, k = len(Xf), len(Wf), len(bf)

    def loss(Wm, bm):
        return sum(
            (sum(Xf[i][j] * Wm[j][c] for j in range(d)) + bm[c] - Yf[i][c]) ** 2 for i in range(n) for c in range(k)
        ) / n

    h = Fraction(1, 1000)
    dW = [[0.0] * k for _ in range(d)]
    for j in range(d):
        for c in range(k):
            plus, minus = [row[:] for row in Wf], [row[:] for row in Wf]
            plus[j][c] += h
            minus[j][c] -= h
            dW[j][c] = float((loss(plus, bf) - loss(minus, bf)) / (2 * h))
    db = []
    for c in range(k):
        plus, minus = bf[:], bf[:]
        plus[c] += h
        minus[c] -= h
        db.append(float((loss(Wf, plus) - loss(Wf, minus)) / (2 * h)))
    return dW, db


def ref_softmax_cross_entropy(logits, labels):
    Z = np.asarray(logits, dtype=float)
    n = Z.shape[0]
    loss = float(np.mean(scipy.special.logsumexp(Z, axis=1) - Z[np.arange(n), labels]))
    with mpmath.workdps(60):
        grad = []
        for z, label in zip(logits, labels):
            row_loss = lambda v: [mpmath.log(mpmath.fsum(mpmath.exp(t - max(v)) for t in v)) + max(v) - v[label]]
            grad.append([float(v / n) for v in _mp_jacobian(row_loss, z)[0]])
    return loss, grad


EXERCISES = {
    "softplus": ("softplus", ref_softplus),
    "polynomial-derivative": ("derivative_coefficients", ref_derivative_coefficients),
    "chain-rule": ("chain_derivative", ref_chain_derivative),
    "quadratic-gradient": ("quadratic_gradient", ref_quadratic_gradient),
    "central-difference": ("central_difference", ref_central_difference),
    "gradient-check": ("gradient_check", ref_gradient_check),
    "taylor-polynomial": ("taylor", ref_taylor),
    "trapezoid-rule": ("trapezoid", ref_trapezoid),
    "gradient-descent": ("gradient_descent", ref_gradient_descent),
    "softmax-jacobian": ("softmax_jacobian", ref_softmax_jacobian),
    "logistic-hessian": ("logistic_hessian", ref_logistic_hessian),
    "linear-layer-gradients": ("linear_layer_gradients", ref_linear_layer_gradients),
    "softmax-cross-entropy": ("softmax_cross_entropy", ref_softmax_cross_entropy),
}


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def entry_of(slug):
    return EXERCISES[slug][0]


def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(load_file(path), entry)


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


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
    assert cases[0].label is not None  # edge cases come first
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
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        assert repr(before) == repr(case.args), f"{slug}: the solution modified its arguments"


def _bounds_hold(slug, a) -> bool:
    """The input bounds each prompt promises, so that a solution may rely on them."""
    if slug == "softplus":
        return all(-1000 <= v <= 1000 for v in a["values"])
    if slug == "chain-rule":
        p = sum(c * a["x"] ** k for k, c in enumerate(a["inner"]))
        return a["outer"] not in ("log", "sqrt") or p > 0
    if slug == "central-difference":
        return 1e-8 <= a["h"] <= 0.5 and (a["name"] not in ("log", "sqrt") or a["x"] - a["h"] > 0)
    if slug == "taylor-polynomial":
        ok = abs(a["x"] - a["a"]) <= 1.5 and 0 <= a["degree"] <= 12
        return ok and (a["name"] != "log" or (a["a"] > 0 and 0 < a["x"] < 2 * a["a"]))
    if slug == "trapezoid-rule":
        return a["a"] < a["b"] and a["n"] >= 1 and (a["name"] != "sqrt" or a["a"] >= 0)
    if slug == "gradient-descent":
        return a["learning_rate"] > 0 and a["steps"] >= 0
    if slug == "softmax-jacobian":
        return len(a["z"]) >= 1 and all(-1000 <= v <= 1000 for v in a["z"])
    if slug == "logistic-hessian":
        return float(np.abs(np.asarray(a["X"]) @ np.asarray(a["w"])).max()) <= 10
    if slug == "softmax-cross-entropy":
        Z = np.asarray(a["logits"])
        return Z.shape[1] >= 2 and float(np.abs(Z).max()) <= 1000 and all(0 <= v < Z.shape[1] for v in a["labels"])
    return True


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_respect_the_bounds_the_prompt_states(slug, seed):
    for case in exercise_cases(exercise_id(slug), seed):
        assert _bounds_hold(slug, case.args), f"{slug} {case.label or ''}: {case.args}"


def test_logistic_hessian_reference_is_accurate_up_to_the_prompts_bound():
    # At |x . w| = 30, 1 - sigmoid lost three digits: the reference was off by 1e-3 relative
    # to the only entry, far outside the 1e-9 the prompt promises; a stable p (1 - p) failed.
    prompt = (FOLDER / "logistic-hessian" / "prompt.md").read_text(encoding="utf-8")
    bound = float(re.search(r"\|x_i\^\\top w\| \\le (\d+)", prompt).group(1))
    solution = function_of(FOLDER / "logistic-hessian" / "solution.py", "logistic_hessian")
    check = check_of("logistic-hessian")
    for t in (bound, -bound, bound / 2):
        args = {"X": [[1.0]], "w": [t]}
        case = Case(args=args)
        expected = ref_logistic_hessian(**args)
        assert passes(check, expected, plain(solution(**args)), case), t


def test_lesson_relative_error_formula_holds_for_every_factor():
    # Lesson 2's self-check gives the relative error of grad = c g as a formula in c; it was
    # |1 - c| / (1 + c), which divides by zero for the sign error (c = -1) it then mentions.
    lesson = (MODULES / MODULE / "lessons" / "02-gradients-and-numerical-derivatives.md").read_text(encoding="utf-8")
    formula = re.search(r"relative\s+error is \$(.+?)\$", lesson).group(1)
    expression = formula.replace("|c|", "abs(c)").replace("|1 - c|", "abs(1 - c)")
    g = np.array([3.0, -4.0])
    for c in (3.0, 1 / 3, 2.0, -1.0, -2.0, 0.5):
        grad = c * g
        actual = np.linalg.norm(g - grad) / (np.linalg.norm(g) + np.linalg.norm(grad))
        assert math.isclose(eval(expression, {"abs": abs, "c": c}), actual), (formula, c)


def test_gradient_descent_converges_to_least_squares_with_a_safe_step():
    solution = function_of(FOLDER / "gradient-descent" / "solution.py", "gradient_descent")
    rng = np.random.default_rng(7)
    X = rng.normal(size=(30, 3))
    y = X @ np.array([1.0, -2.0, 0.5]) + rng.normal(0.0, 0.1, size=30)
    lam = np.linalg.eigvalsh(2 / 30 * X.T @ X).max()
    w = solution(X=X.tolist(), y=y.tolist(), learning_rate=1.0 / lam, steps=2000)
    assert np.allclose(w, np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-8)
    w = solution(X=X.tolist(), y=y.tolist(), learning_rate=2.2 / lam, steps=200)
    assert np.linalg.norm(w) > 1e6  # beyond 2 / lambda_max the iterates diverge


def test_central_difference_error_shrinks_like_h_squared():
    solution = function_of(FOLDER / "central-difference" / "solution.py", "central_difference")
    errors = [abs(solution(name="exp", x=0.5, h=h) - math.exp(0.5)) for h in (1e-1, 1e-2, 1e-3)]
    assert 80 < errors[0] / errors[1] < 120 and 80 < errors[1] / errors[2] < 120


def test_trapezoid_converges_to_the_integral():
    solution = function_of(FOLDER / "trapezoid-rule" / "solution.py", "trapezoid")
    exact, _ = scipy.integrate.quad(lambda t: math.exp(-t * t / 2), -1.0, 2.0)
    errors = [abs(solution(name="gauss", a=-1.0, b=2.0, n=n) - exact) for n in (10, 20, 40)]
    assert 3.5 < errors[0] / errors[1] < 4.5 and 3.5 < errors[1] / errors[2] < 4.5


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_expected_output_never_equals_an_input(slug, seed):
    # Otherwise "you returned an input unchanged" could be said of a correct answer.
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    for case in exercise_cases(exercise_id(slug), seed):
        expected = plain(solution(**copy.deepcopy(case.args)))
        for value in case.args.values():
            if isinstance(value, (list, np.ndarray)) and len(value) and not isinstance(expected, tuple):
                try:
                    same = np.shape(value) == np.shape(expected) and np.allclose(
                        np.asarray(value, dtype=float), np.asarray(expected, dtype=float)
                    )
                except ValueError:
                    same = False
                assert not same, f"{slug} {case.label}: expected output equals an input"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    starter = function_of(FOLDER / slug / "starter.py", entry_of(slug))
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), 0)
    assert not all(passes(check, plain(solution(**copy.deepcopy(c.args))), call(starter, c.args), c) for c in cases)


# --- recorded mistakes ---------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
@pytest.mark.parametrize("seed", SEEDS)
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
    # Typical random cases show the mistake too, so the grader can recognise it there.
    assert sum(random) >= 0.25 * len(random), f"{path.name} goes wrong on only {sum(random)} of {len(random)} random cases"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS[:2])
def test_mistakes_are_told_apart(slug, seed):
    entry = entry_of(slug)
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), seed)
    outputs = {
        path.stem: [call(function_of(path, entry), c.args) for c in cases]
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py"))
    }
    for name, got in outputs.items():
        for other, other_got in outputs.items():
            if other != name:
                assert any(
                    not passes(check, a, b, c) for a, b, c in zip(got, other_got, cases) if a is not RAISED
                ), f"{name} cannot be told apart from {other}"


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
def test_mistake_is_explained_in_two_to_five_sentences(slug, path):
    explanation = path.with_suffix(".md")
    assert explanation.is_file(), f"{path.name} has no explanation {explanation.name}"
    text = explanation.read_text(encoding="utf-8").strip()
    sentences = len(SENTENCE_END.findall(text))
    assert 2 <= sentences <= 5, f"{explanation.name}: {sentences} sentences"
    assert text.startswith("You"), f"{explanation.name} speaks to the learner who made the mistake"
    assert "$" not in text, f"{explanation.name}: explanations are plain text, no TeX"


def test_gradient_check_last_hint_keeps_the_zero_case():
    """The prompt asks for 0.0 when both norms are 0; the code of the last hint once divided by zero there."""
    meta = tomllib.loads((FOLDER / "gradient-check" / "exercise.toml").read_text(encoding="utf-8"))
    assert "0.0 if den == 0" in meta["hints"][-1]
