"""Reference tests for the function exercises of the trigonometry module.

Each solution is compared with an independent library computation (numpy, numpy.fft, cmath,
scipy.spatial.transform, scipy.stats.circmean, scikit-learn) over the cases of its check for
seeds 0-4: the two must agree closely, and the check's own `compare` must accept the library's
answer (so the tolerances admit a correct computation that took another path). The starters
and the recorded mistakes must fail, and every prompt's worked example must hold.
"""

from __future__ import annotations

import cmath
import copy
import doctest
import math
import re
import tomllib
import warnings

import numpy as np
import pytest
from scipy.spatial.transform import Rotation
from scipy.stats import circmean
from sklearn.metrics.pairwise import cosine_similarity

from exercise_files import MODULES, exercise_cases, load_file, solution_function

MODULE = "trigonometry"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(5)


# --- independent references -------------------------------------------------------------


def _wrap(angle):
    """(-pi, pi] from numpy's [-pi, pi]."""
    angle = float(angle)
    return angle + 2 * math.pi if angle <= -math.pi else angle


def ref_to_radians(degrees):
    return np.deg2rad(np.asarray(degrees, dtype=float)).tolist()


def ref_wrap_angle(theta):
    return _wrap(np.angle(np.exp(1j * theta)))


def ref_circle_points(n, radius, start):
    z = radius * np.exp(1j * (start + 2 * np.pi * np.arange(n) / n))
    return np.column_stack([z.real, z.imag]).tolist()


def ref_add_angles(a, b):
    total = np.arctan2(a[1], a[0]) + np.arctan2(b[1], b[0])
    return [float(np.cos(total)), float(np.sin(total))]


def ref_along_across(v, theta):
    # Coordinates in axes turned by theta = the vector turned by -theta.
    return Rotation.from_euler("z", -theta).apply([v[0], v[1], 0.0])[:2].tolist()


def ref_angle_between(u, v):
    c = cosine_similarity([u], [v])[0, 0]
    return float(np.arccos(np.clip(c, -1.0, 1.0)))


def ref_cosine_matrix(X):
    return cosine_similarity(np.asarray(X, dtype=float)).tolist()


def ref_to_polar(x, y):
    r, phi = cmath.polar(complex(x, y))
    return [float(r), _wrap(phi)]


def ref_rotate_about(points, theta, center):
    p = np.asarray(points, dtype=float) - np.asarray(center, dtype=float)
    turned = Rotation.from_euler("z", theta).apply(np.column_stack([p, np.zeros(len(p))]))[:, :2]
    return (turned + np.asarray(center, dtype=float)).tolist()


def ref_rotation_angle(R):
    m = np.eye(3)
    m[:2, :2] = R
    return _wrap(Rotation.from_matrix(m).as_rotvec()[2])


def ref_sinusoid(amplitude, frequency, phase, times):
    return (amplitude * np.imag(np.exp(1j * (2 * np.pi * frequency * np.asarray(times, dtype=float) + phase)))).tolist()


def ref_cyclical_encode(values, period):
    z = np.exp(2j * np.pi * np.asarray(values, dtype=float) / period)
    return np.column_stack([z.imag, z.real]).tolist()


def ref_circular_mean(values, period):
    return float(circmean(np.asarray(values, dtype=float), high=period, low=0.0))


def ref_dft(x):
    X = np.fft.fft(np.asarray(x, dtype=float))
    return [X.real.tolist(), X.imag.tolist()]


EXERCISES = {
    "degrees-to-radians": ("to_radians", ref_to_radians),
    "wrap-angle": ("wrap_angle", ref_wrap_angle),
    "circle-points": ("circle_points", ref_circle_points),
    "angle-addition": ("add_angles", ref_add_angles),
    "along-across": ("along_across", ref_along_across),
    "angle-between": ("angle_between", ref_angle_between),
    "cosine-matrix": ("cosine_matrix", ref_cosine_matrix),
    "to-polar": ("to_polar", ref_to_polar),
    "rotate-about": ("rotate_about", ref_rotate_about),
    "rotation-angle": ("rotation_angle", ref_rotation_angle),
    "sinusoid": ("sinusoid", ref_sinusoid),
    "cyclical-encoding": ("cyclical_encode", ref_cyclical_encode),
    "circular-mean": ("circular_mean", ref_circular_mean),
    "dft": ("dft", ref_dft),
}


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


def accepted(check, expected, got, case) -> bool:
    verdict = check.compare(expected, got, case)
    return verdict is True or verdict is None


def call(function, args):
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return True, function(**copy.deepcopy(args))
    except Exception as exc:  # a wrong answer may raise anything
        return False, exc


# --- tests -------------------------------------------------------------------------------


def test_every_function_exercise_is_covered():
    folders = {
        path.name
        for path in FOLDER.iterdir()
        if (path / "exercise.toml").is_file() and tomllib.loads((path / "exercise.toml").read_text())["kind"] == "function"
    }
    assert folders == set(EXERCISES)
    assert len(folders) >= 12


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_exercise_files(slug):
    folder = FOLDER / slug
    meta = tomllib.loads((folder / "exercise.toml").read_text())
    assert meta["kind"] == "function" and meta["entry"] == EXERCISES[slug][0]
    assert 2 <= len(meta["hints"]) <= 4 and 1 <= meta["difficulty"] <= 5
    declared = {skill["id"] for skill in tomllib.loads((MODULES / MODULE / "module.toml").read_text())["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    check = check_of(slug)
    assert hasattr(check, "compare"), "every trigonometry check states its comparison"
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert len(mistakes) >= 2
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem)
        assert path.read_text().startswith("# "), f"{path.name}: first line must be a comment"
        explanation = path.with_suffix(".md").read_text().strip()
        sentences = len(re.findall(r"[.!?](\s|$)", explanation))
        assert 2 <= sentences <= 5, f"{path.with_suffix('.md').name}: {sentences} sentences"
    prompt = (folder / "prompt.md").read_text()
    assert "keyword argument" in prompt, "the prompt says how the function is called"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_shape(slug, seed):
    cases = exercise_cases(exercise_id(slug), seed)
    assert cases[0].label is not None  # edge cases come first
    assert 1 <= sum(case.hidden for case in cases) <= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_solution_matches_library(slug, seed):
    entry, reference = EXERCISES[slug]
    solution = solution_function(exercise_id(slug), entry)
    check = check_of(slug)
    for case in exercise_cases(exercise_id(slug), seed):
        before = copy.deepcopy(case.args)
        got = solution(**case.args)
        assert case.args == before, f"{slug}: the solution modified its input"
        expected = reference(**copy.deepcopy(case.args))
        where = f"{slug} {case.label or ''} {case.args}"
        assert accepted(check, got, got, case), f"{where}: the check rejects its own solution"
        assert accepted(check, got, expected, case), f"{where}: the check rejects the library's {expected!r}"
        assert accepted(check, expected, got, case), f"{where}: solution {got!r}, library {expected!r}"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    entry = EXERCISES[slug][0]
    starter = getattr(load_file(FOLDER / slug / "starter.py"), entry)
    solution = solution_function(exercise_id(slug), entry)
    check = check_of(slug)
    for case in exercise_cases(exercise_id(slug), 0):
        ok, got = call(starter, case.args)
        assert not (ok and accepted(check, solution(**copy.deepcopy(case.args)), got, case))


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
@pytest.mark.parametrize("seed", SEEDS)
def test_mistake_is_caught(slug, path, seed):
    entry = EXERCISES[slug][0]
    mistake = getattr(load_file(path), entry)
    solution = solution_function(exercise_id(slug), entry)
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), seed)

    def wrong(case):
        ok, got = call(mistake, case.args)
        return not ok or not accepted(check, solution(**copy.deepcopy(case.args)), got, case)

    assert any(wrong(case) for case in cases if case.label is not None), "caught by the fixed edge cases"
    random_cases = [case for case in cases if case.label is None and not case.hidden]
    caught = sum(wrong(case) for case in random_cases)
    assert caught >= len(random_cases) // 5, f"differs from the reference on typical cases ({caught}/{len(random_cases)})"
    # deterministic: the same input gives the same wrong output
    for case in cases[:3]:
        first, second = call(mistake, case.args), call(mistake, case.args)
        assert first[0] == second[0] and (not first[0] or repr(first[1]) == repr(second[1]))


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_prompt_example_runs_against_solution(slug):
    folder = FOLDER / slug
    blocks = re.findall(r"```python\n(.*?)```", (folder / "prompt.md").read_text(), flags=re.S)
    assert len(blocks) == 1, "exactly one worked example"
    assert EXERCISES[slug][0] + "(" in blocks[0] and "=" in blocks[0].split("(", 1)[1], "called with keywords"
    namespace = dict(vars(load_file(folder / "solution.py")))
    test = doctest.DocTestParser().get_doctest(blocks[0], namespace, slug, str(folder / "prompt.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert test.examples and runner.failures == 0


def _resultant(values, period):
    angles = 2 * np.pi * np.asarray(values, dtype=float) / period
    return float(np.hypot(np.cos(angles).mean(), np.sin(angles).mean()))


PROMPT_BOUNDS = {
    # what each prompt promises about its inputs, checked on every case the check yields
    "angle-between": lambda u, v: len(u) == len(v) >= 2 and any(u) and any(v) and max(map(abs, u + v)) <= 1e6,
    "cosine-matrix": lambda X: len(X) >= 1 and all(len(row) == len(X[0]) >= 1 and any(row) for row in X),
    "circular-mean": lambda values, period: len(values) >= 1 and period > 0 and _resultant(values, period) >= 0.05,
    "dft": lambda x: 1 <= len(x) <= 64,
    "circle-points": lambda n, radius, start: type(n) is int and n >= 1 and radius > 0,
    "degrees-to-radians": lambda degrees: len(degrees) >= 1,
    "rotation-angle": lambda R: np.allclose(np.asarray(R) @ np.asarray(R).T, np.eye(2)) and np.linalg.det(R) > 0,
    "angle-addition": lambda a, b: abs(math.hypot(*a) - 1) < 1e-12 and abs(math.hypot(*b) - 1) < 1e-12,
    "sinusoid": lambda amplitude, frequency, phase, times: amplitude > 0 and frequency > 0 and len(times) >= 1,
}


@pytest.mark.parametrize("slug", list(PROMPT_BOUNDS))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_stay_within_what_the_prompt_promises(slug, seed):
    for case in exercise_cases(exercise_id(slug), seed):
        assert PROMPT_BOUNDS[slug](**copy.deepcopy(case.args)), f"{slug} {case.label or ''}: {case.args}"


def test_inputs_hold_no_negative_zero():
    # atan2(-0.0, x < 0) is -pi: such an input would make the range (-pi, pi] depend on a sign bit
    for slug in ("to-polar", "rotation-angle"):
        for seed in SEEDS:
            for case in exercise_cases(exercise_id(slug), seed):
                values = np.ravel(np.asarray(list(case.args.values())[0] if slug == "rotation-angle" else list(case.args.values()), dtype=float))
                assert not any(v == 0.0 and math.copysign(1.0, v) < 0 for v in values), (slug, case.args)


def test_angle_between_reference_handles_tiny_vectors():
    # The prompt bounds entries above (1e6) but not below; squaring 1e-200 underflowed to 0
    # and the reference divided by a zero length.
    angle_between = solution_function(exercise_id("angle-between"), "angle_between")
    assert math.isclose(angle_between(u=[1e-200, 0.0], v=[0.0, 3e-190]), math.pi / 2, rel_tol=1e-12)
    assert math.isclose(angle_between(u=[1e-200, 1e-200], v=[2.0, 2.0]), 0.0, abs_tol=1e-12)


def test_lesson_states_the_range_of_atan2_with_its_exception():
    # Lesson 2 said atan2 returns angles in (-pi, pi]; math.atan2(-0.0, -1.0) is -pi.
    assert math.atan2(-0.0, -1.0) == -math.pi
    text = " ".join((MODULES / MODULE / "lessons" / "02-projections-angles-and-rotations.md").read_text(encoding="utf-8").split())
    claim = re.search(r"looks at both signs and returns the angle in \$\(-\\pi, \\pi\]\$(.{0,120})", text)
    assert claim and "-0.0" in claim.group(1) and "-\\pi" in claim.group(1), claim and claim.group(0)


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", (0, 1))
def test_mistakes_are_told_apart(slug, seed):
    # The grader names the recorded mistake whose outputs match the learner's on the failing
    # cases; two mistakes with the same outputs there could not be told apart.
    entry = EXERCISES[slug][0]
    solution = solution_function(exercise_id(slug), entry)
    check = check_of(slug)
    cases = exercise_cases(exercise_id(slug), seed)
    outputs = {}
    for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
        mistake = getattr(load_file(path), entry)
        outputs[path.stem] = [call(mistake, case.args) for case in cases]

    def agree(a, b, case):
        if not (a[0] and b[0]):
            return a[0] == b[0]
        try:
            return accepted(check, a[1], b[1], case)
        except Exception:
            return False

    for name, got in outputs.items():
        failing = [
            i for i, case in enumerate(cases)
            if not got[i][0] or not accepted(check, solution(**copy.deepcopy(case.args)), got[i][1], case)
        ]
        for other, other_got in outputs.items():
            if other != name:
                assert any(not agree(got[i], other_got[i], cases[i]) for i in failing), f"{name} looks like {other}"


def test_lessons_point_to_every_exercise_that_exists():
    named = set()
    for lesson in sorted((MODULES / MODULE / "lessons").glob("*.md")):
        named |= set(re.findall(r"`trigonometry/([a-z0-9-]+)`", lesson.read_text()))
    assert named == set(EXERCISES), "each exercise is practised from a lesson, and each name exists"
