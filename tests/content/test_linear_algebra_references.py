"""Reference tests for the function exercises of the linear-algebra module.

Each solution is compared with an independent computation (numpy.linalg, scipy, scikit-learn,
fractions) over the cases of its check, for several seeds. The starters and the recorded
mistakes must not pass, and every prompt's worked example must hold for the solution.
"""

from __future__ import annotations

import copy
import decimal
import doctest
import math
import re
import tomllib
import warnings
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
import scipy.linalg
import scipy.spatial.distance
from sklearn.decomposition import PCA

from exercise_files import MODULES, exercise_cases, load_file, solution_function

MODULE = "linear-algebra"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(5)


# --- independent references -------------------------------------------------------------


def ref_linear_combination(coefficients, vectors):
    return (np.asarray(coefficients, dtype=float) @ np.asarray(vectors, dtype=float)).tolist()


def ref_dot(u, v):
    return float(np.dot(np.asarray(u, dtype=float), np.asarray(v, dtype=float)))


def ref_cosine_similarity(u, v):
    if not np.any(u) or not np.any(v):
        return 0.0
    if max(map(abs, u + v)) < 1e100 and min(abs(x) for x in u + v if x) > 1e-100:
        return float(1.0 - scipy.spatial.distance.cosine(u, v))
    # Extreme magnitudes: exact rational arithmetic, cos^2 = (u.v)^2 / ((u.u)(v.v)).
    fu, fv = [Fraction(x) for x in u], [Fraction(x) for x in v]
    dot = sum(a * b for a, b in zip(fu, fv))
    squared = dot * dot / (sum(a * a for a in fu) * sum(b * b for b in fv))
    return math.sqrt(float(squared)) * (1.0 if dot >= 0 else -1.0)


def ref_lp_norm(v, p):
    if math.isinf(p) or (p <= 10 and max(map(abs, v)) < 1e100 and min(abs(x) for x in v if x or 1) > 1e-100):
        return float(np.linalg.norm(np.asarray(v, dtype=float), ord=p))
    # Large p or extreme entries: decimal arithmetic with a huge exponent range, no scaling.
    with decimal.localcontext() as context:
        context.prec = 60
        total = sum(Decimal(abs(x)) ** Decimal(p) for x in v)
        return float(total ** (Decimal(1) / Decimal(p))) if total else 0.0


def ref_matmul(a, b):
    return (np.asarray(a, dtype=float) @ np.asarray(b, dtype=float)).tolist()


def ref_transpose(a):
    return np.asarray(a, dtype=float).T.tolist()


def ref_is_symmetric(a, tol):
    if a.shape[0] != a.shape[1]:
        return False
    return bool(scipy.linalg.issymmetric(a, atol=tol, rtol=0.0))


def ref_inverse_2x2(a):
    (p, q), (r, s) = ([Fraction(x) for x in row] for row in a)
    if p * s - q * r == 0:
        return None
    return np.linalg.inv(np.asarray(a, dtype=float)).tolist()


def ref_determinant(a):
    return float(scipy.linalg.det(a))


def ref_solve(a, b):
    return scipy.linalg.solve(a, b)


def ref_project(v, onto):
    projector = np.outer(onto, onto) / np.dot(onto, onto)
    return projector @ v


def ref_gram_schmidt(vectors):
    q, r = np.linalg.qr(vectors.T)
    signs = np.sign(np.diag(r))  # make each output row agree in direction with its input row
    return (q * signs).T


def ref_dominant_eigenvalue(a, iterations):
    eigenvalues = np.linalg.eigvalsh(a)
    return float(eigenvalues[np.argmax(np.abs(eigenvalues))])


def ref_low_rank(a, k):
    # Project the rows of a onto the top-k eigenvectors of a.T @ a (the right singular vectors).
    eigenvalues, eigenvectors = np.linalg.eigh(a.T @ a)
    top = eigenvectors[:, np.argsort(eigenvalues)[::-1][:k]]
    return a @ top @ top.T


def ref_explained_variance_ratio(X):
    return PCA(svd_solver="full").fit(X).explained_variance_ratio_


def ref_fit_line(x, y):
    slope, intercept = np.polyfit(x, y, 1)
    return float(slope), float(intercept)


EXERCISES = {
    "linear-combination": ("linear_combination", ref_linear_combination),
    "dot-product": ("dot", ref_dot),
    "cosine-similarity": ("cosine_similarity", ref_cosine_similarity),
    "lp-norm": ("lp_norm", ref_lp_norm),
    "matrix-product": ("matmul", ref_matmul),
    "transpose": ("transpose", ref_transpose),
    "is-symmetric": ("is_symmetric", ref_is_symmetric),
    "inverse-2x2": ("inverse_2x2", ref_inverse_2x2),
    "determinant": ("determinant", ref_determinant),
    "solve-system": ("solve", ref_solve),
    "project-onto-vector": ("project", ref_project),
    "gram-schmidt": ("gram_schmidt", ref_gram_schmidt),
    "power-iteration": ("dominant_eigenvalue", ref_dominant_eigenvalue),
    "low-rank-approximation": ("low_rank", ref_low_rank),
    "explained-variance": ("explained_variance_ratio", ref_explained_variance_ratio),
    "least-squares-line": ("fit_line", ref_fit_line),
}


# --- helpers -----------------------------------------------------------------------------


def same(expected, got) -> bool:
    """The grader's default comparison: type-aware, floats within rtol=1e-6, atol=1e-9."""
    if isinstance(expected, (bool, np.bool_)):
        return isinstance(got, bool) and got == bool(expected)
    if expected is None:
        return got is None
    if isinstance(expected, (int, float, np.integer, np.floating)):
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, float, np.integer, np.floating)):
            return False
        expected, got = float(expected), float(got)
        if math.isnan(expected):
            return math.isnan(got)
        return math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-9)
    if isinstance(expected, np.ndarray):
        if not isinstance(got, (np.ndarray, list, tuple)):
            return False
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return False
        return got.shape == expected.shape and bool(np.allclose(got, expected, rtol=1e-6, atol=1e-9))
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(got, (list, tuple))
            and len(got) == len(expected)
            and all(same(e, g) for e, g in zip(expected, got))
        )
    raise TypeError(f"unexpected expected value {expected!r}")


def call(function, args):
    """Call with a deep copy of the arguments; return (ok, value or exception)."""
    try:
        with warnings.catch_warnings(), np.errstate(all="ignore"):
            warnings.simplefilter("ignore")
            return True, function(**copy.deepcopy(args))
    except Exception as exc:  # a wrong answer may raise anything
        return False, exc


def entry_of(slug):
    return EXERCISES[slug][0]


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


# --- tests -------------------------------------------------------------------------------


def test_every_function_exercise_is_covered():
    folders = {
        path.name
        for path in FOLDER.iterdir()
        if (path / "exercise.toml").is_file()
        and tomllib.loads((path / "exercise.toml").read_text())["kind"] == "function"
    }
    assert folders == set(EXERCISES)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_exercise_files(slug):
    folder = FOLDER / slug
    meta = tomllib.loads((folder / "exercise.toml").read_text())
    assert meta["kind"] == "function"
    assert meta["entry"] == entry_of(slug)
    assert 2 <= len(meta["hints"]) <= 4
    assert 1 <= meta["difficulty"] <= 5
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text())
    declared = {skill["id"] for skill in manifest["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    for name in ("prompt.md", "starter.py", "solution.py", "check.py"):
        assert (folder / name).is_file(), name
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 2 <= len(mistakes) <= 4
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem), path.name
        assert path.read_text().startswith("# "), f"{path.name}: first line must be a comment"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_shape(slug, seed):
    cases = exercise_cases(exercise_id(slug), seed)
    assert sum(case.hidden for case in cases) >= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    assert cases[0].label is not None  # edge cases come first


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_solution_matches_reference(slug, seed):
    entry, reference = EXERCISES[slug]
    solution = solution_function(exercise_id(slug), entry)
    for case in exercise_cases(exercise_id(slug), seed):
        before = copy.deepcopy(case.args)
        got = solution(**case.args)
        expected = reference(**copy.deepcopy(case.args))
        assert same(expected, got), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        for name, value in before.items():  # the solution must not modify its inputs
            after = case.args[name]
            unchanged = np.array_equal(value, after) if isinstance(value, np.ndarray) else value == after
            assert unchanged, f"{slug}: the solution modified its argument {name}"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_expected_output_never_equals_an_input(slug, seed):
    # Otherwise "you returned an input unchanged" could be said of a correct answer.
    solution = solution_function(exercise_id(slug), entry_of(slug))
    for case in exercise_cases(exercise_id(slug), seed):
        expected = solution(**copy.deepcopy(case.args))
        if isinstance(expected, (bool, tuple)) or expected is None:
            continue
        for value in case.args.values():
            if isinstance(expected, float):
                assert not (isinstance(value, float) and value == expected), f"{slug} {case.label}"
            elif isinstance(value, (list, np.ndarray)):
                assert not (
                    np.shape(value) == np.shape(expected) and np.array_equal(np.asarray(value), np.asarray(expected))
                ), f"{slug} {case.label}: expected output equals an input"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_does_not_solve_first_case(slug):
    folder = FOLDER / slug
    starter = getattr(load_file(folder / "starter.py"), entry_of(slug))
    solution = solution_function(exercise_id(slug), entry_of(slug))
    first = exercise_cases(exercise_id(slug), 0)[0]
    ok, got = call(starter, first.args)
    assert not (ok and same(solution(**copy.deepcopy(first.args)), got))


@pytest.mark.parametrize(("slug", "path"), list(mistake_files()))
@pytest.mark.parametrize("seed", SEEDS)
def test_mistake_is_caught(slug, path, seed):
    mistake = getattr(load_file(path), entry_of(slug))
    solution = solution_function(exercise_id(slug), entry_of(slug))
    cases = exercise_cases(exercise_id(slug), seed)

    unchanged = tomllib.loads((FOLDER / slug / "exercise.toml").read_text()).get("inputs_unchanged", False)

    def wrong(case):
        args = copy.deepcopy(case.args)
        try:
            with warnings.catch_warnings(), np.errstate(all="ignore"):
                warnings.simplefilter("ignore")
                ok, got = True, mistake(**args)  # on `args` itself, to see whether it modifies them
        except Exception as exc:  # a wrong answer may raise anything
            ok, got = False, exc
        if unchanged and not all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(args.values(), case.args.values())):
            return True  # it modified its inputs, which the exercise declares unchanged
        return not ok or not same(solution(**copy.deepcopy(case.args)), got)

    # Caught for every seed, and by the fixed edge cases alone (not by luck of the draw).
    assert any(wrong(case) for case in cases)
    assert any(wrong(case) for case in cases if case.label is not None)


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_prompt_example_runs_against_solution(slug):
    folder = FOLDER / slug
    text = (folder / "prompt.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert len(blocks) == 1, "exactly one worked example"
    assert entry_of(slug) + "(" in blocks[0]
    namespace = dict(vars(load_file(folder / "solution.py")))
    test = doctest.DocTestParser().get_doctest(blocks[0], namespace, slug, str(folder / "prompt.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert test.examples and runner.failures == 0
