"""Two independent correct solutions per trigonometry exercise, in different styles.

One style uses the math module and loops, the other numpy (or complex numbers, cmath,
remainder-based wrapping). Each must pass the check: run in-process against the check's own
`compare` for seeds 0-4, and graded end to end through the sandbox with `grade_source` for a
few seeds. A check that rejects one of them is too strict or follows the reference's
floating-point path instead of the problem.
"""

from __future__ import annotations

import copy

import numpy as np
import pytest

from exercise_files import MODULES, exercise_cases, load_file
from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

MODULE = "trigonometry"

ALTERNATIVES = {
    "degrees-to-radians": {
        "loop": """
import math
def to_radians(degrees):
    out = []
    for d in degrees:
        out.append(math.radians(d))
    return out
""",
        "numpy": """
import numpy as np
def to_radians(degrees):
    return (np.asarray(degrees, dtype=float) / 180.0 * np.pi).tolist()
""",
    },
    "wrap-angle": {
        "remainder": """
import math
def wrap_angle(theta):
    r = math.remainder(theta, 2 * math.pi)
    return math.pi if r <= -math.pi else r
""",
        "floor": """
import math
def wrap_angle(theta):
    turns = math.floor((math.pi - theta) / (2 * math.pi))
    return float(theta + turns * 2 * math.pi)
""",
    },
    "circle-points": {
        "loop": """
import math
def circle_points(n, radius, start):
    step = 2 * math.pi / n
    return [[radius * math.cos(start + k * step), radius * math.sin(start + k * step)] for k in range(n)]
""",
        "complex": """
import numpy as np
def circle_points(n, radius, start):
    z = radius * np.exp(1j * np.linspace(start, start + 2 * np.pi, n, endpoint=False))
    return [[float(p.real), float(p.imag)] for p in z]
""",
    },
    "angle-addition": {
        "atan2": """
import math
def add_angles(a, b):
    t = math.atan2(a[1], a[0]) + math.atan2(b[1], b[0])
    return [math.cos(t), math.sin(t)]
""",
        "complex": """
def add_angles(a, b):
    z = complex(a[0], a[1]) * complex(b[0], b[1])
    return [z.real, z.imag]
""",
    },
    "along-across": {
        "matrix": """
import numpy as np
def along_across(v, theta):
    c, s = np.cos(theta), np.sin(theta)
    return (np.array([[c, s], [-s, c]]) @ np.asarray(v, dtype=float)).tolist()
""",
        "polar": """
import math
def along_across(v, theta):
    r, phi = math.hypot(v[0], v[1]), math.atan2(v[1], v[0])
    return [r * math.cos(phi - theta), r * math.sin(phi - theta)]
""",
    },
    "angle-between": {
        "acos": """
import math
def angle_between(u, v):
    dot = sum(a * b for a, b in zip(u, v))
    c = dot / (math.sqrt(sum(a * a for a in u)) * math.sqrt(sum(b * b for b in v)))
    return math.acos(max(-1.0, min(1.0, c)))
""",
        "numpy": """
import numpy as np
def angle_between(u, v):
    u, v = np.asarray(u, dtype=float), np.asarray(v, dtype=float)
    c = u @ v / (np.linalg.norm(u) * np.linalg.norm(v))
    return float(np.arccos(np.clip(c, -1.0, 1.0)))
""",
    },
    "cosine-matrix": {
        "loops": """
import math
def cosine_matrix(X):
    n = len(X)
    norms = [math.sqrt(sum(x * x for x in row)) for row in X]
    return [[sum(a * b for a, b in zip(X[i], X[j])) / (norms[i] * norms[j]) for j in range(n)] for i in range(n)]
""",
        "numpy": """
import numpy as np
def cosine_matrix(X):
    A = np.asarray(X, dtype=float)
    A = A / np.linalg.norm(A, axis=1, keepdims=True)
    return (A @ A.T).tolist()
""",
    },
    "to-polar": {
        "atan2": """
import math
def to_polar(x, y):
    return [math.sqrt(x * x + y * y), math.atan2(y, x) + 0.0]
""",
        "cases": """
import math
def to_polar(x, y):
    r = math.hypot(x, y)
    if r == 0:
        return [0.0, 0.0]
    theta = math.acos(max(-1.0, min(1.0, x / r)))
    if y < 0:
        theta = -theta
    return [r, theta]
""",
    },
    "rotate-about": {
        "loop": """
import math
def rotate_about(points, theta, center):
    c, s = math.cos(theta), math.sin(theta)
    out = []
    for x, y in points:
        dx, dy = x - center[0], y - center[1]
        out.append([center[0] + c * dx - s * dy, center[1] + s * dx + c * dy])
    return out
""",
        "complex": """
import numpy as np
def rotate_about(points, theta, center):
    p = np.asarray(points, dtype=float)
    z = p[:, 0] + 1j * p[:, 1]
    w = complex(center[0], center[1])
    r = w + (z - w) * np.exp(1j * theta)
    return np.column_stack([r.real, r.imag]).tolist()
""",
    },
    "rotation-angle": {
        "atan2": """
import math
def rotation_angle(R):
    t = math.atan2(R[1][0], R[0][0])
    return math.pi if t == -math.pi else t
""",
        "other-column": """
import numpy as np
def rotation_angle(R):
    # the second column is (-sin, cos)
    t = float(np.arctan2(-R[0][1], R[1][1]))
    return float(np.pi) if t <= -np.pi else t
""",
    },
    "sinusoid": {
        "loop": """
import math
def sinusoid(amplitude, frequency, phase, times):
    omega = 2 * math.pi * frequency
    return [amplitude * math.sin(omega * t + phase) for t in times]
""",
        "numpy-cos": """
import numpy as np
def sinusoid(amplitude, frequency, phase, times):
    t = np.asarray(times, dtype=float)
    return (amplitude * np.cos(2 * np.pi * frequency * t + phase - np.pi / 2)).tolist()
""",
    },
    "cyclical-encoding": {
        "loop": """
import math
def cyclical_encode(values, period):
    out = []
    for v in values:
        a = 2 * math.pi * (v / period)
        out.append([math.sin(a), math.cos(a)])
    return out
""",
        "numpy": """
import numpy as np
def cyclical_encode(values, period):
    a = 2 * np.pi * np.asarray(values, dtype=float) / period
    return np.column_stack([np.sin(a), np.cos(a)]).tolist()
""",
    },
    "circular-mean": {
        "loop": """
import math
def circular_mean(values, period):
    s = sum(math.sin(2 * math.pi * v / period) for v in values)
    c = sum(math.cos(2 * math.pi * v / period) for v in values)
    return (math.atan2(s, c) / (2 * math.pi) * period) % period
""",
        "complex": """
import numpy as np
def circular_mean(values, period):
    z = np.exp(2j * np.pi * np.asarray(values, dtype=float) / period).mean()
    return float(np.angle(z) % (2 * np.pi) * period / (2 * np.pi))
""",
    },
    "dft": {
        "cmath": """
import cmath
def dft(x):
    N = len(x)
    X = [sum(x[n] * cmath.exp(-2j * cmath.pi * k * n / N) for n in range(N)) for k in range(N)]
    return [[z.real for z in X], [z.imag for z in X]]
""",
        "matrix": """
import numpy as np
def dft(x):
    N = len(x)
    n = np.arange(N)
    F = np.exp(-2j * np.pi * np.outer(n, n) / N)
    X = F @ np.asarray(x, dtype=float)
    return [X.real.tolist(), X.imag.tolist()]
""",
    },
}

ENTRIES = {
    slug: load_file(MODULES / MODULE / "exercises" / slug / "solution.py") for slug in ALTERNATIVES
}


def _entry_name(slug):
    import tomllib

    return tomllib.loads((MODULES / MODULE / "exercises" / slug / "exercise.toml").read_text())["entry"]


def _plain(value):
    """What the sandbox's codec sends back: numpy scalars become Python numbers."""
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, np.floating):
        return float(value)
    return value


def alternatives():
    for slug, styles in ALTERNATIVES.items():
        for style in styles:
            yield pytest.param(slug, style, id=f"{slug}/{style}")


def test_every_exercise_has_two_alternatives():
    folder = MODULES / MODULE / "exercises"
    function_exercises = {p.name for p in folder.iterdir() if p.name != "quiz" and (p / "check.py").is_file()}
    assert set(ALTERNATIVES) == function_exercises
    assert all(len(styles) >= 2 for styles in ALTERNATIVES.values())


@pytest.mark.parametrize(("slug", "style"), list(alternatives()))
@pytest.mark.parametrize("seed", range(5))
def test_alternative_passes_the_check_in_process(slug, style, seed):
    entry = _entry_name(slug)
    namespace: dict = {}
    exec(compile(ALTERNATIVES[slug][style], f"{slug}/{style}", "exec"), namespace)
    function = namespace[entry]
    solution = getattr(ENTRIES[slug], entry)
    check = load_file(MODULES / MODULE / "exercises" / slug / "check.py")
    for case in exercise_cases(f"{MODULE}/{slug}", seed):
        expected = solution(**copy.deepcopy(case.args))
        got = _plain(function(**copy.deepcopy(case.args)))
        verdict = check.compare(expected, got, case)
        assert verdict is True or verdict is None, f"{slug}/{style} {case.label or ''} {case.args}: {verdict}"


CURRICULUM = load_curriculum()


@pytest.mark.parametrize(("slug", "style"), list(alternatives()))
def test_alternative_passes_the_grader(slug, style):
    exercise = CURRICULUM.exercise(f"{MODULE}/{slug}")
    for seed in (3, 17):
        verdict = grade_source(exercise, ALTERNATIVES[slug][style], seed=seed)
        assert verdict.passed, f"{slug}/{style} seed {seed}: {verdict.message}"


# Prompts that ask for a NEW list: a solution that overwrites its input and returns it passed
# before the exercises declared inputs_unchanged.
IN_PLACE = {
    "degrees-to-radians": """
import math
def to_radians(degrees):
    for i, d in enumerate(degrees):
        degrees[i] = float(d) * math.pi / 180.0
    return degrees
""",
    "rotate-about": """
import math
def rotate_about(points, theta, center):
    c, s = math.cos(theta), math.sin(theta)
    for p in points:
        dx, dy = p[0] - center[0], p[1] - center[1]
        p[0], p[1] = center[0] + dx * c - dy * s, center[1] + dx * s + dy * c
    return points
""",
}


@pytest.mark.parametrize("slug", list(IN_PLACE))
def test_a_solution_that_overwrites_its_input_is_rejected(slug):
    exercise = CURRICULUM.exercise(f"{MODULE}/{slug}")
    verdict = grade_source(exercise, IN_PLACE[slug], seed=3)
    assert not verdict.passed
    assert "modified its input" in verdict.message


# The DFT prompt asks for the transform computed from its definition: the library FFT passed
# before the exercise declared its forbidden calls.
LIBRARY_FFT = """
import numpy as np
def dft(x):
    X = np.fft.fft(x)
    return [X.real.tolist(), X.imag.tolist()]
"""


def test_the_library_fft_is_refused_in_the_dft_exercise():
    exercise = CURRICULUM.exercise(f"{MODULE}/dft")
    verdict = grade_source(exercise, LIBRARY_FFT, seed=3)
    assert not verdict.passed
    assert "numpy.fft" in verdict.message
