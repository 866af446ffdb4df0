"""Every function exercise of the calculus module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python with `math`, numpy
vectorised code, numpy's polynomial module, scipy's helpers, explicit loops over indices) are
graded by the real grader for a few seeds. A check that rejects one of them has a tolerance
tied to the reference's floating-point path rather than to the problem, or demands something
the prompt does not state.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1, 2)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "softplus": {
        "numpy-logaddexp": """
            import numpy as np

            def softplus(values):
                return np.logaddexp(0.0, np.asarray(values, dtype=float))
        """,
        "branches": """
            import math

            def softplus(values):
                out = []
                for x in values:
                    if x > 0:
                        out.append(x + math.log1p(math.exp(-x)))
                    else:
                        out.append(math.log1p(math.exp(x)))
                return out
        """,
    },
    "polynomial-derivative": {
        "numpy-polynomial": """
            from numpy.polynomial import polynomial as P

            def derivative_coefficients(coeffs):
                d = [float(v) for v in P.polyder(coeffs)]
                return d if d else [0.0]
        """,
        "enumerate": """
            def derivative_coefficients(coeffs):
                out = [float(k * a) for k, a in enumerate(coeffs)][1:]
                return out or [0.0]
        """,
    },
    "chain-rule": {
        "if-chain": """
            import math

            def chain_derivative(outer, inner, x):
                u = 0.0
                for a in reversed(inner):  # Horner
                    u = u * x + a
                du = sum(k * inner[k] * x ** (k - 1) for k in range(1, len(inner)))
                if outer == "sin":
                    g = math.cos(u)
                elif outer == "cos":
                    g = -math.sin(u)
                elif outer == "exp":
                    g = math.exp(u)
                elif outer == "log":
                    g = 1 / u
                elif outer == "sqrt":
                    g = 1 / (2 * math.sqrt(u))
                elif outer == "square":
                    g = 2 * u
                else:
                    g = 1 / math.cosh(u) ** 2
                return g * du
        """,
        "numpy-poly": """
            import numpy as np
            from numpy.polynomial import Polynomial

            D = {"sin": np.cos, "cos": lambda u: -np.sin(u), "exp": np.exp, "log": lambda u: 1.0 / u,
                 "sqrt": lambda u: 0.5 / np.sqrt(u), "square": lambda u: 2.0 * u, "tanh": lambda u: 1.0 - np.tanh(u) ** 2}

            def chain_derivative(outer, inner, x):
                p = Polynomial(inner)
                return float(D[outer](p(x)) * p.deriv()(x))
        """,
    },
    "quadratic-gradient": {
        "numpy": """
            import numpy as np

            def quadratic_gradient(A, b, x):
                A = np.array(A, dtype=float)
                x = np.array(x, dtype=float)
                return A @ x + A.T @ x + np.array(b, dtype=float)
        """,
        "loops": """
            def quadratic_gradient(A, b, x):
                n = len(x)
                g = [float(v) for v in b]
                for i in range(n):
                    for j in range(n):
                        # d/dx_k of A[i][j] x_i x_j: A[i][j] x_j when k == i, A[i][j] x_i when k == j
                        g[i] += A[i][j] * x[j]
                        g[j] += A[i][j] * x[i]
                return g
        """,
    },
    "central-difference": {
        "numpy": """
            import numpy as np

            F = {"sin": np.sin, "cos": np.cos, "exp": np.exp, "log": np.log, "sqrt": np.sqrt,
                 "x**3": lambda t: t * t * t, "tanh": np.tanh}

            def central_difference(name, x, h):
                f = F[name]
                return float((f(x + h) - f(x - h)) / 2 / h)
        """,
        "eval-menu": """
            import math

            def central_difference(name, x, h):
                def f(t):
                    if name == "x**3":
                        return t ** 3
                    return getattr(math, name)(t)
                return 0.5 * (f(x + h) - f(x - h)) / h
        """,
    },
    "gradient-check": {
        "numpy": """
            import numpy as np

            def gradient_check(X, y, w, grad):
                X, y, w, grad = (np.asarray(a, dtype=float) for a in (X, y, w, grad))
                h = 1e-4
                loss = lambda v: np.mean((X @ v - y) ** 2)
                g = np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(len(w))])
                size = np.linalg.norm(g) + np.linalg.norm(grad)
                return 0.0 if size == 0 else float(np.linalg.norm(g - grad) / size)
        """,
        "plain-python": """
            import math

            def gradient_check(X, y, w, grad):
                h = 1e-4
                def loss(v):
                    return sum((sum(a * b for a, b in zip(row, v)) - t) ** 2 for row, t in zip(X, y)) / len(y)
                g = []
                for j in range(len(w)):
                    up = [v + (h if i == j else 0.0) for i, v in enumerate(w)]
                    down = [v - (h if i == j else 0.0) for i, v in enumerate(w)]
                    g.append((loss(up) - loss(down)) / (2 * h))
                num = math.hypot(*[a - b for a, b in zip(g, grad)])
                den = math.hypot(*g) + math.hypot(*grad)
                return num / den if den > 0 else 0.0
        """,
    },
    "taylor-polynomial": {
        "recurrence": """
            import math

            def taylor(name, a, x, degree):
                t = x - a
                total, term_power = 0.0, 1.0
                for k in range(degree + 1):
                    if name == "exp":
                        d = math.exp(a)
                    elif name in ("sin", "cos"):
                        shift = k + (1 if name == "cos" else 0)
                        d = math.sin(a + shift * math.pi / 2)
                    else:
                        d = math.log(a) if k == 0 else (-1) ** (k + 1) * math.factorial(k - 1) / a ** k
                    total += d * term_power
                    term_power *= t / (k + 1)
                return total
        """,
        "numpy-coefficients": """
            import math
            import numpy as np

            def taylor(name, a, x, degree):
                k = np.arange(degree + 1)
                if name == "exp":
                    d = np.full(degree + 1, math.exp(a))
                elif name == "sin":
                    d = np.array([math.sin(a), math.cos(a), -math.sin(a), -math.cos(a)])[k % 4]
                elif name == "cos":
                    d = np.array([math.cos(a), -math.sin(a), -math.cos(a), math.sin(a)])[k % 4]
                else:
                    d = np.array([math.log(a)] + [(-1.0) ** (j - 1) * math.factorial(j - 1) / a ** j for j in range(1, degree + 1)])
                fact = np.array([math.factorial(int(j)) for j in k], dtype=float)
                return float(np.sum(d / fact * (x - a) ** k))
        """,
    },
    "trapezoid-rule": {
        "scipy": """
            import numpy as np
            from scipy.integrate import trapezoid as trap

            F = {"sin": np.sin, "cos": np.cos, "exp": np.exp, "x**2": np.square, "x**3": lambda t: t ** 3,
                 "sqrt": np.sqrt, "gauss": lambda t: np.exp(-t * t / 2)}

            def trapezoid(name, a, b, n):
                xs = np.linspace(a, b, n + 1)
                return float(trap(F[name](xs), xs))
        """,
        "panel-loop": """
            import math

            def trapezoid(name, a, b, n):
                f = {"sin": math.sin, "cos": math.cos, "exp": math.exp, "x**2": lambda t: t ** 2,
                     "x**3": lambda t: t ** 3, "sqrt": math.sqrt, "gauss": lambda t: math.exp(-t ** 2 / 2)}[name]
                h = (b - a) / n
                total = 0.0
                for i in range(n):
                    left, right = a + i * h, a + (i + 1) * h
                    total += (f(left) + f(right)) * h / 2
                return total
        """,
    },
    "gradient-descent": {
        "plain-python": """
            def gradient_descent(X, y, learning_rate, steps):
                n, d = len(X), len(X[0])
                w = [0.0] * d
                for _ in range(steps):
                    r = [sum(X[i][j] * w[j] for j in range(d)) - y[i] for i in range(n)]
                    g = [2.0 / n * sum(X[i][j] * r[i] for i in range(n)) for j in range(d)]
                    w = [w[j] - learning_rate * g[j] for j in range(d)]
                return w
        """,
        "precomputed-normal-equations": """
            import numpy as np

            def gradient_descent(X, y, learning_rate, steps):
                X = np.asarray(X, dtype=float)
                n = len(X)
                H = 2.0 / n * X.T @ X
                c = 2.0 / n * X.T @ np.asarray(y, dtype=float)
                w = np.zeros(X.shape[1])
                for _ in range(steps):
                    w -= learning_rate * (H @ w - c)
                return w
        """,
    },
    "softmax-jacobian": {
        "scipy-softmax": """
            import numpy as np
            from scipy.special import softmax

            def softmax_jacobian(z):
                s = softmax(np.asarray(z, dtype=float))
                return np.diag(s) - np.outer(s, s)
        """,
        "loops": """
            import math

            def softmax_jacobian(z):
                m = max(z)
                e = [math.exp(v - m) for v in z]
                total = sum(e)
                s = [v / total for v in e]
                k = len(z)
                return [[s[i] * ((1.0 if i == j else 0.0) - s[j]) for j in range(k)] for i in range(k)]
        """,
    },
    "logistic-hessian": {
        "outer-products": """
            import math

            def logistic_hessian(X, w):
                d = len(w)
                H = [[0.0] * d for _ in range(d)]
                for row in X:
                    t = sum(a * b for a, b in zip(row, w))
                    p = 1 / (1 + math.exp(-t))
                    for j in range(d):
                        for k in range(d):
                            H[j][k] += p * (1 - p) * row[j] * row[k] / len(X)
                return H
        """,
        "scipy-expit-diag": """
            import numpy as np
            from scipy.special import expit

            def logistic_hessian(X, w):
                X = np.asarray(X, dtype=float)
                p = expit(X @ np.asarray(w, dtype=float))
                return X.T @ np.diag(p * (1 - p)) @ X / X.shape[0]
        """,
    },
    "linear-layer-gradients": {
        "numpy-einsum": """
            import numpy as np

            def linear_layer_gradients(X, W, b, Y):
                X, W, b, Y = (np.asarray(a, dtype=float) for a in (X, W, b, Y))
                R = X @ W + b - Y
                dW = np.einsum("ij,ic->jc", X, R) * 2 / len(X)
                db = R.mean(axis=0) * 2
                return dW, db
        """,
        "loops": """
            def linear_layer_gradients(X, W, b, Y):
                n, d, k = len(X), len(W), len(b)
                R = [[sum(X[i][j] * W[j][c] for j in range(d)) + b[c] - Y[i][c] for c in range(k)] for i in range(n)]
                dW = [[sum(2 * X[i][j] * R[i][c] for i in range(n)) / n for c in range(k)] for j in range(d)]
                db = [sum(2 * R[i][c] for i in range(n)) / n for c in range(k)]
                return (dW, db)
        """,
    },
    "softmax-cross-entropy": {
        "scipy": """
            import numpy as np
            from scipy.special import log_softmax

            def softmax_cross_entropy(logits, labels):
                Z = np.asarray(logits, dtype=float)
                n = len(Z)
                logp = log_softmax(Z, axis=1)
                loss = -logp[np.arange(n), labels].mean()
                grad = np.exp(logp)
                grad[np.arange(n), labels] -= 1
                return float(loss), grad / n
        """,
        "loops": """
            import math

            def softmax_cross_entropy(logits, labels):
                n = len(logits)
                total = 0.0
                grad = []
                for z, y in zip(logits, labels):
                    m = max(z)
                    lse = m + math.log(sum(math.exp(v - m) for v in z))
                    total += lse - z[y]
                    grad.append([(math.exp(v - lse) - (1.0 if c == y else 0.0)) / n for c, v in enumerate(z)])
                return total / n, grad
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("calculus")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"calculus/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"
