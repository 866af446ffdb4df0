"""Reference tests for the function exercises of the statistics module.

Each reference solution is compared with an independent library computation (numpy,
scipy.stats, statsmodels, scikit-learn, the standard library's exact `statistics`) over
every case of its check for seeds 0-4, judged by the check's own `compare` (so Monte Carlo
exercises are held to the margin they promise the learner). The recorded mistakes must go
wrong, on random cases and on the labelled edge cases alone, be told apart from each other,
and be explained in two to five sentences; starters must fail; the cases have the agreed
shape; prompts say that the entry is called with keyword arguments.
"""

from __future__ import annotations

import copy
import math
import re
import statistics
import sys
import tomllib

import numpy as np
import pytest
import scipy.stats
from sklearn.preprocessing import StandardScaler
from statsmodels.stats.proportion import proportions_ztest

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "statistics"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(5)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def ref_quantile(values, q):
    return float(np.quantile(np.asarray(values, dtype=float), q))


def ref_sample_variance(values):
    return float(statistics.variance(values))  # exact rational arithmetic, then rounded


def ref_covariance_matrix(X):
    return np.atleast_2d(np.cov(np.asarray(X, dtype=float), rowvar=False))


def ref_correlation(x, y):
    return float(scipy.stats.pearsonr(x, y).statistic)


def ref_standardize(train, test):
    if not test:
        return []
    scaler = StandardScaler().fit(np.asarray(train, dtype=float).reshape(-1, 1))
    return [float(v) for v in scaler.transform(np.asarray(test, dtype=float).reshape(-1, 1)).ravel()]


def ref_mean_and_standard_error(losses):
    return float(np.mean(losses)), float(scipy.stats.sem(losses))


def ref_mean_confidence_interval(values, confidence):
    low, high = scipy.stats.t.interval(confidence, len(values) - 1, loc=np.mean(values), scale=scipy.stats.sem(values))
    return float(low), float(high)


def ref_t_test(values, mu0):
    result = scipy.stats.ttest_1samp(values, mu0)
    return float(result.statistic), float(result.pvalue)


def ref_welch_t_test(a, b):
    result = scipy.stats.ttest_ind(a, b, equal_var=False)
    return float(result.statistic), float(result.pvalue)


def ref_ab_test(conversions_a, visitors_a, conversions_b, visitors_b):
    z, p = proportions_ztest([conversions_b, conversions_a], [visitors_b, visitors_a])
    return float(z), float(p)


def _power(n, baseline, mde, alpha):
    """Power of the two-sided test at n per group, by the normal approximation (main tail)."""
    p1, p2 = baseline, baseline + mde
    se = math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n)
    return float(scipy.stats.norm.cdf(mde / se - scipy.stats.norm.ppf(1 - alpha / 2)))


def ref_sample_size(baseline, mde, alpha, power):
    # Search for the smallest n whose power reaches the target: the inverse of the formula,
    # found without using the formula's closed form.
    low, high = 1, 2
    while _power(high, baseline, mde, alpha) < power:
        high *= 2
    while low < high:
        middle = (low + high) // 2
        if _power(middle, baseline, mde, alpha) >= power:
            high = middle
        else:
            low = middle + 1
    return low


def ref_simple_regression(x, y):
    fit = scipy.stats.linregress(x, y)
    return float(fit.slope), float(fit.intercept), float(fit.rvalue**2)


def ref_bootstrap_ci(values, confidence, n_resamples, seed):
    result = scipy.stats.bootstrap(
        (np.asarray(values, dtype=float),),
        np.mean,
        confidence_level=confidence,
        n_resamples=n_resamples,
        method="percentile",
        random_state=np.random.default_rng(seed + 1),
    )
    return float(result.confidence_interval.low), float(result.confidence_interval.high)


def ref_permutation_test(a, b, n_permutations, seed):
    result = scipy.stats.permutation_test(
        (np.asarray(a, dtype=float), np.asarray(b, dtype=float)),
        lambda x, y, axis: np.abs(np.mean(x, axis=axis) - np.mean(y, axis=axis)),
        permutation_type="independent",
        alternative="greater",
        n_resamples=n_permutations,
        vectorized=True,
        random_state=np.random.default_rng(seed + 1),
    )
    return float(result.pvalue)


EXERCISES = {
    "quantile": ("quantile", ref_quantile),
    "sample-variance": ("sample_variance", ref_sample_variance),
    "covariance-matrix": ("covariance_matrix", ref_covariance_matrix),
    "pearson-correlation": ("correlation", ref_correlation),
    "standardize-with-train-statistics": ("standardize", ref_standardize),
    "standard-error": ("mean_and_standard_error", ref_mean_and_standard_error),
    "t-confidence-interval": ("mean_confidence_interval", ref_mean_confidence_interval),
    "one-sample-t-test": ("t_test", ref_t_test),
    "welch-t-test": ("welch_t_test", ref_welch_t_test),
    "ab-test-proportions": ("ab_test", ref_ab_test),
    "ab-sample-size": ("sample_size", ref_sample_size),
    "simple-regression": ("simple_regression", ref_simple_regression),
    "bootstrap-ci": ("bootstrap_ci", ref_bootstrap_ci),
    "permutation-test": ("permutation_test", ref_permutation_test),
}
MONTE_CARLO = {"bootstrap-ci", "permutation-test"}


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
        if isinstance(expected, list) and slug != "standardize-with-train-statistics":
            expected = tuple(expected)
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        for name, value in before.items():  # the solution must not modify its inputs
            after = case.args[name]
            unchanged = np.array_equal(value, after) if isinstance(value, np.ndarray) else value == after
            assert unchanged, f"{slug}: the solution modified its argument {name}"


@pytest.mark.parametrize("slug", sorted(MONTE_CARLO))
def test_monte_carlo_checks_accept_any_seed(slug):
    """Other seeds (other random draws) pass the check against the reference's own draws."""
    entry = entry_of(slug)
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for seed in range(3):
        for case in exercise_cases(exercise_id(slug), seed):
            expected = plain(solution(**case.args))
            for other in range(3):
                args = {**case.args, "seed": 1_000_003 * (other + 1) + seed}
                assert passes(check, expected, plain(solution(**args)), case), f"{slug} {case.label or ''} seed {args['seed']}"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_expected_output_never_equals_an_input(slug, seed):
    # Otherwise "you returned an input unchanged" could be said of a correct answer.
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    for case in exercise_cases(exercise_id(slug), seed):
        expected = plain(solution(**copy.deepcopy(case.args)))
        for value in case.args.values():
            if isinstance(value, (list, np.ndarray)) and len(value) and not isinstance(expected, tuple):
                assert not (
                    np.shape(value) == np.shape(expected) and np.allclose(np.asarray(value, dtype=float), np.asarray(expected, dtype=float))
                ), f"{slug} {case.label}: expected output equals an input"


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


def test_permutation_prompt_numbers_match_exact_enumeration():
    """The permutation-test prompt's worked numbers: difference of means, split count, exact p."""
    import itertools
    from fractions import Fraction

    a = [Fraction(v) / 10 for v in (31, 40, 36, 29, 38)]
    b = [Fraction(v) / 10 for v in (42, 39, 46, 44, 37, 48)]
    pooled = a + b
    observed = abs(sum(a) / len(a) - sum(b) / len(b))
    splits = list(itertools.combinations(range(len(pooled)), len(a)))
    extreme = 0
    for idx in splits:
        group = sum(pooled[i] for i in idx)
        extreme += abs(group / len(a) - (sum(pooled) - group) / len(b)) >= observed
    prompt = " ".join((FOLDER / "permutation-test" / "prompt.md").read_text(encoding="utf-8").split())
    assert f"B's mean is {float(observed):.2f} higher" in prompt
    assert f"split of {'eleven' if len(pooled) == 11 else len(pooled)} ratings" in prompt
    assert f"in {len(splits)} ways; {extreme} of them" in prompt
    assert f"${extreme}/{len(splits)} \\approx {extreme / len(splits):.3f}$" in prompt
