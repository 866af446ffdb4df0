"""Every function exercise of the differential-equations module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python loops, numpy vectorised
code, matrix powers and exponentials, eigen-decompositions, closed forms) are graded by the
real grader. A check that rejects one of them has a tolerance tied to the reference's
floating-point path rather than to the problem, or demands something the prompt does not state.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1)
CURRICULUM = load_curriculum()
MENU = """
import math
import numpy as np
G = {"-y": lambda t, y: -y, "y*(1-y)": lambda t, y: y - y * y, "t-y": lambda t, y: t - y,
     "cos(t)": lambda t, y: np.cos(t), "-t*y": lambda t, y: -(t * y), "sin(y)": lambda t, y: np.sin(y)}
"""

SOLUTIONS: dict[str, dict[str, str]] = {
    "slope-field": {
        "meshgrid": MENU + """
def slope_field(f, ts, ys):
    T, Y = np.meshgrid(np.asarray(ts, dtype=float), np.asarray(ys, dtype=float))
    return np.asarray(G[f](T, Y) + 0.0 * T, dtype=float)
""",
        "if-chain": """
import math

def slope_field(f, ts, ys):
    out = []
    for y in ys:
        row = []
        for t in ts:
            if f == "-y": row.append(-y)
            elif f == "y*(1-y)": row.append(y * (1 - y))
            elif f == "t-y": row.append(t - y)
            elif f == "cos(t)": row.append(math.cos(t))
            elif f == "-t*y": row.append(-t * y)
            else: row.append(math.sin(y))
        out.append([float(v) for v in row])
    return out
""",
    },
    "euler-steps": {
        "numpy-array": MENU + """
def euler(f, t0, y0, h, n):
    ys = np.empty(n + 1)
    ys[0] = y0
    for k in range(n):
        ys[k + 1] = ys[k] + h * G[f](t0 + k * h, ys[k])
    return ys
""",
        "running-time": MENU + """
def euler(f, t0, y0, h, n):
    t, y, out = t0, float(y0), [float(y0)]
    for _ in range(n):
        y, t = y + h * float(G[f](t, y)), t + h
        out.append(y)
    return out
""",
    },
    "euler-error": {
        "closed-form": """
import math

def euler_error(rate, y0, T, n):
    return (1 + T / n * rate) ** n * y0 - y0 * math.exp(rate * T)
""",
        "numpy-loop": """
import numpy as np

def euler_error(rate, y0, T, n):
    y = np.float64(y0)
    for _ in range(n):
        y = y * (1 + rate * T / n)
    return float(y - y0 * np.exp(rate * T))
""",
    },
    "rk4-steps": {
        "butcher-table": MENU + """
A = [[], [0.5], [0.0, 0.5], [0.0, 0.0, 1.0]]
B = [1 / 6, 1 / 3, 1 / 3, 1 / 6]
C = [0.0, 0.5, 0.5, 1.0]

def rk4(f, t0, y0, h, n):
    ys = [float(y0)]
    for k in range(n):
        t, y, ks = t0 + k * h, ys[-1], []
        for i in range(4):
            ks.append(float(G[f](t + C[i] * h, y + h * sum(a * kk for a, kk in zip(A[i], ks)))))
        ys.append(y + h * sum(b * kk for b, kk in zip(B, ks)))
    return ys
""",
        "numpy": MENU + """
def rk4(f, t0, y0, h, n):
    g = G[f]
    ys = np.zeros(n + 1)
    ys[0] = y0
    t = t0
    for k in range(n):
        y = ys[k]
        k1 = g(t, y); k2 = g(t + h / 2, y + h * k1 / 2); k3 = g(t + h / 2, y + h * k2 / 2); k4 = g(t + h, y + h * k3)
        ys[k + 1] = y + (h / 6) * (k1 + 2 * (k2 + k3) + k4)
        t = t0 + (k + 1) * h
    return ys
""",
    },
    "logistic-curve": {
        "sigmoid-form": """
import numpy as np
from scipy.special import expit

def logistic_curve(r, K, y0, ts):
    shift = np.log(K / y0 - 1) if y0 != K else None
    ts = np.asarray(ts, dtype=float)
    if shift is None:
        return np.full(ts.shape, float(K))
    if y0 < K:
        return K * expit(r * ts - shift)
    return K / (1 + (K - y0) / y0 * np.exp(-r * ts))
""",
        "list": """
import math

def logistic_curve(r, K, y0, ts):
    A = (K - y0) / y0
    return [K / (1.0 + A * math.exp(-r * t)) for t in ts]
""",
    },
    "sir-euler": {
        "plain": """
def sir_euler(beta, gamma, s0, i0, h, n):
    s, i, r = s0, i0, 1 - s0 - i0
    out = [[s, i, r]]
    for _ in range(n):
        ds, di, dr = -beta * s * i, beta * s * i - gamma * i, gamma * i
        s, i, r = s + h * ds, i + h * di, r + h * dr
        out.append([s, i, r])
    return out
""",
        "numpy-matrix": """
import numpy as np

def sir_euler(beta, gamma, s0, i0, h, n):
    X = np.zeros((n + 1, 3))
    X[0] = [s0, i0, 1 - s0 - i0]
    for k in range(n):
        s, i, _ = X[k]
        X[k + 1] = X[k] + h * np.array([-beta * s * i, beta * s * i - gamma * i, gamma * i])
    return X
""",
    },
    "sir-peak": {
        "conserved": """
import math

def sir_peak(beta, gamma, s0, i0):
    rho = gamma / beta
    V0 = s0 + i0 - rho * math.log(s0)
    if beta * s0 <= gamma:
        return float(i0)
    return V0 - rho + rho * math.log(rho)
""",
        "r0": """
import numpy as np

def sir_peak(beta, gamma, s0, i0):
    R0 = beta / gamma
    if R0 * s0 > 1:
        return float(i0 + s0 - (1 + np.log(R0 * s0)) / R0)
    return float(i0)
""",
    },
    "classify-fixed-point": {
        "eigvals": """
import numpy as np

def classify_fixed_point(A):
    lam = np.linalg.eigvals(np.array(A, dtype=float))
    re, im = lam.real, lam.imag
    re = np.where(abs(re) < 1e-9, 0.0, re)
    if abs(im).max() > 1e-9:
        if re[0] == 0:
            return "center"
        return ("stable" if re[0] < 0 else "unstable") + " spiral"
    if re.min() < 0 < re.max():
        return "saddle"
    return ("stable" if re.max() < 0 else "unstable") + " node"
""",
        "table": """
def classify_fixed_point(A):
    T = A[0][0] + A[1][1]
    D = A[0][0] * A[1][1] - A[0][1] * A[1][0]
    disc = T * T - 4 * D
    if D < 0:
        name = "saddle"
    elif T == 0:
        name = "center"
    elif disc > 0:
        name = "stable node" if T < 0 else "unstable node"
    else:
        name = "stable spiral" if T < 0 else "unstable spiral"
    return name
""",
    },
    "lotka-volterra-jacobian": {
        "numpy": """
import numpy as np

def lotka_volterra_jacobian(a, b, c, d, x, y):
    return np.array([[a - b * y, -b * x], [c * y, c * x - d]], dtype=float)
""",
        "central-difference-exact": """
def lotka_volterra_jacobian(a, b, c, d, x, y):
    # F is quadratic, so central differences are exact up to rounding; use a unit step on the bilinear parts.
    F = lambda u, v: (a * u - b * u * v, c * u * v - d * v)
    J = [[0.0, 0.0], [0.0, 0.0]]
    for i in range(2):
        J[i][0] = (F(x + 0.5, y)[i] - F(x - 0.5, y)[i])
        J[i][1] = (F(x, y + 0.5)[i] - F(x, y - 0.5)[i])
    return J
""",
    },
    "gradient-flow": {
        "expm": """
import numpy as np
from scipy.linalg import expm

def gradient_flow(A, b, x0, t):
    A = np.array(A, dtype=float)
    xs = np.linalg.solve(A, np.array(b, dtype=float))
    return xs + expm(-t * A) @ (np.array(x0, dtype=float) - xs)
""",
        "solve-ivp": """
import numpy as np
from scipy.integrate import solve_ivp

def gradient_flow(A, b, x0, t):
    A, b = np.array(A, dtype=float), np.array(b, dtype=float)
    if t == 0:
        return list(map(float, x0))
    sol = solve_ivp(lambda s, x: -(A @ x - b), (0.0, t), np.array(x0, dtype=float), method="DOP853", rtol=1e-13, atol=1e-13)
    return sol.y[:, -1]
""",
    },
    "euler-step-limit": {
        "complex-loop": """
import numpy as np

def euler_step_limit(M):
    best = float("inf")
    for lam in np.linalg.eigvals(np.array(M, dtype=float)):
        lam = complex(lam)
        best = min(best, -2 * lam.real / (lam.real ** 2 + lam.imag ** 2))
    return best
""",
        "scipy-eig": """
import numpy as np
import scipy.linalg

def euler_step_limit(M):
    lam = scipy.linalg.eigvals(np.array(M, dtype=float))
    return float(np.min(-2 * lam.real / (lam * lam.conj()).real))
""",
    },
    "heavy-ball": {
        "loops": """
def heavy_ball(A, b, x0, learning_rate, momentum, steps):
    d = len(x0)
    x, v = [float(u) for u in x0], [0.0] * d
    for _ in range(steps):
        g = [sum(A[i][j] * x[j] for j in range(d)) - b[i] for i in range(d)]
        v = [momentum * v[i] - learning_rate * g[i] for i in range(d)]
        x = [x[i] + v[i] for i in range(d)]
    return x
""",
        "two-step-recurrence": """
import numpy as np

def heavy_ball(A, b, x0, learning_rate, momentum, steps):
    # x_{k+1} = x_k - lr grad(x_k) + momentum (x_k - x_{k-1}), with x_{-1} = x_0.
    A, b = np.array(A, dtype=float), np.array(b, dtype=float)
    prev = x = np.array(x0, dtype=float)
    for _ in range(steps):
        prev, x = x, x - learning_rate * (A @ x - b) + momentum * (x - prev)
    return x
""",
    },
    "residual-network": {
        "per-example": """
import math

def residual_network(X, W, b, T, n):
    h = T / n
    out = []
    for row in X:
        x = [float(v) for v in row]
        for _ in range(n):
            z = [sum(W[i][j] * x[j] for j in range(len(x))) + b[i] for i in range(len(x))]
            x = [x[i] + h * math.tanh(z[i]) for i in range(len(x))]
        out.append(x)
    return out
""",
        "einsum": """
import numpy as np

def residual_network(X, W, b, T, n):
    X, W, b = np.array(X, dtype=float), np.array(W, dtype=float), np.array(b, dtype=float)
    for _ in range(n):
        X = X + (T / n) * np.tanh(np.einsum("ij,mj->mi", W, X) + b)
    return X
""",
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("differential-equations")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"differential-equations/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"
