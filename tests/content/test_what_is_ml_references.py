"""Reference tests for the function exercises of the what-is-ml module.

Each reference solution is compared with an independent scikit-learn computation over every
case of its check for seeds 0-2 (fewer for the estimators that are slow to fit), judged by the
check's own `compare`: `accuracy_score`, `DummyClassifier` and `DummyRegressor` with
`mean_squared_error`, `train_test_split` without shuffling (which keeps the last rows for the
test set, as the prompts ask), `NearestCentroid` (and `learning_curve` around it),
`KNeighborsClassifier(n_neighbors=1)`, `PolynomialFeatures` with `LinearRegression`, and exact
integer sums for the digit rule. The recorded mistakes must go wrong, on random cases and on
the labelled edge cases alone, be told apart from each other, and be explained in two to five
sentences; starters must fail; the cases have the agreed shape; prompts say that the entry is
called with keyword arguments.
"""

from __future__ import annotations

import copy
import math
import re
import sys
import tomllib
import warnings

import numpy as np
import pytest
from scipy.spatial.distance import cdist
from sklearn.dummy import DummyClassifier, DummyRegressor
from sklearn.linear_model import LinearRegression
from sklearn.metrics import accuracy_score, mean_squared_error
from sklearn.model_selection import learning_curve, train_test_split
from sklearn.neighbors import KNeighborsClassifier, NearestCentroid
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import PolynomialFeatures

from exercise_files import MODULES, RAISED, call, exercise_cases, load_file, passes, plain

MODULE = "what-is-ml"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(3)
# scikit-learn's estimators cost milliseconds per fit: the reference comparison runs on fewer seeds
# for the exercises that fit many of them (every case of learning-curve fits one per size).
REFERENCE_SEEDS = {"learning-curve": (0,), "nearest-centroid": (0, 1), "nearest-neighbour": (0,), "class-centroids": (0, 1)}
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def ref_accuracy(y_true, y_pred):
    return float(accuracy_score(y_true, y_pred))


def ref_majority_baseline(y_train, y_test):
    # DummyClassifier's most_frequent takes argmax over the sorted classes: the smallest on a tie.
    model = DummyClassifier(strategy="most_frequent").fit(np.zeros((len(y_train), 1)), y_train)
    return float(accuracy_score(y_test, model.predict(np.zeros((len(y_test), 1)))))


def ref_mean_baseline_mse(y_train, y_test):
    model = DummyRegressor(strategy="mean").fit(np.zeros((len(y_train), 1)), y_train)
    return float(mean_squared_error(y_test, model.predict(np.zeros((len(y_test), 1)))))


def _n_test(n, percent):
    return math.ceil(n * percent / 100)  # exact: n * percent / 100 is correctly rounded, never across a whole number


def ref_train_test_indices(permutation, test_percent):
    train, test = train_test_split(list(permutation), test_size=_n_test(len(permutation), test_percent), shuffle=False)
    return [int(v) for v in train], [int(v) for v in test]


def ref_stratified_indices(labels, permutation, test_percent):
    labels = np.asarray(labels)
    order = np.asarray(permutation)
    train, test = [], []
    for c in np.unique(labels):
        rows = order[labels[order] == c]  # this class, in permutation order
        a, b = train_test_split(rows, test_size=_n_test(len(rows), test_percent), shuffle=False)
        train += a.tolist()
        test += b.tolist()
    return train, test


def ref_class_centroids(X, y):
    return NearestCentroid().fit(np.asarray(X, dtype=float), np.asarray(y)).centroids_


def _nearest_centroid(X_fit, y_fit, X):
    # sklearn's NearestCentroid needs two classes; a single class is predicted everywhere.
    classes = np.unique(y_fit)
    if len(classes) == 1:
        return np.full(len(X), classes[0])
    return NearestCentroid().fit(np.asarray(X_fit, dtype=float), np.asarray(y_fit)).predict(np.asarray(X, dtype=float))


def ref_nearest_centroid_predict(X_train, y_train, X_test):
    return [int(v) for v in _nearest_centroid(X_train, y_train, X_test)]


def ref_one_nn_predict(X_train, y_train, X_test):
    X_train, X_test = np.asarray(X_train, dtype=float), np.asarray(X_test, dtype=float)
    model = KNeighborsClassifier(n_neighbors=1, algorithm="brute").fit(X_train, y_train)
    predicted = model.predict(X_test)
    # KNeighborsClassifier does not promise an order among equally close rows: where a test row
    # has tied nearest rows, the prompt's rule (the earliest row) is applied with scipy's cdist.
    D = cdist(X_test, X_train)
    for i, row in enumerate(D):
        tied = np.flatnonzero(row == row.min())
        if len(tied) > 1:
            predicted[i] = y_train[int(tied[0])]
    return [int(v) for v in predicted]


def ref_zero_or_one(images):
    A = np.asarray(images, dtype=np.int64)
    centre = A[:, 2:6, 3:5].reshape(len(A), -1)
    # exact integers: 8 pixels against 64, the means compared as 64 * sum(centre) > 8 * sum(all)
    return [int(v) for v in 64 * centre.sum(axis=1) > 8 * A.reshape(len(A), -1).sum(axis=1)]


def ref_learning_curve_points(X_train, y_train, X_val, y_val, sizes):
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train)
    train, validation = [], []
    for m in sizes:
        # one fit per size, predicting the m fitted rows and the validation rows together
        predicted = _nearest_centroid(X_train[:m], y_train[:m], np.vstack([X_train[:m], X_val]))
        train.append(float(np.mean(predicted[:m] == y_train[:m])))
        validation.append(float(np.mean(predicted[m:] == np.asarray(y_val))))
    return {"train": train, "validation": validation}


def ref_polynomial_features(x, degree):
    return PolynomialFeatures(degree).fit_transform(np.asarray(x, dtype=float).reshape(-1, 1))


def _poly_model(x, y, degree):
    # degree 0 is the mean predictor; PolynomialFeatures(0) gives only the bias column
    features = PolynomialFeatures(degree, include_bias=False)
    if degree == 0:
        return lambda t: np.full(len(t), float(np.mean(y)))
    model = make_pipeline(features, LinearRegression()).fit(np.asarray(x).reshape(-1, 1), y)
    return lambda t: model.predict(np.asarray(t).reshape(-1, 1))


def ref_mse_by_degree(x_train, y_train, x_test, y_test, max_degree):
    train, test = [], []
    for degree in range(max_degree + 1):
        predict = _poly_model(x_train, y_train, degree)
        train.append(float(mean_squared_error(y_train, predict(x_train))))
        test.append(float(mean_squared_error(y_test, predict(x_test))))
    return {"train": train, "test": test}


def ref_select_degree(x_train, y_train, x_val, y_val, x_test, y_test, max_degree):
    models = [_poly_model(x_train, y_train, d) for d in range(max_degree + 1)]
    validation = np.array([mean_squared_error(y_val, m(x_val)) for m in models])
    degree = int(np.flatnonzero(validation <= validation.min() + 1e-9)[0])
    return {"degree": degree, "test_mse": float(mean_squared_error(y_test, models[degree](x_test)))}


EXERCISES = {
    "accuracy": ("accuracy", ref_accuracy),
    "majority-baseline": ("majority_baseline", ref_majority_baseline),
    "mean-baseline": ("mean_baseline_mse", ref_mean_baseline_mse),
    "train-test-split": ("train_test_indices", ref_train_test_indices),
    "stratified-split": ("stratified_indices", ref_stratified_indices),
    "class-centroids": ("class_centroids", ref_class_centroids),
    "nearest-centroid": ("nearest_centroid_predict", ref_nearest_centroid_predict),
    "nearest-neighbour": ("one_nn_predict", ref_one_nn_predict),
    "zero-or-one": ("zero_or_one", ref_zero_or_one),
    "learning-curve": ("learning_curve_points", ref_learning_curve_points),
    "polynomial-features": ("polynomial_features", ref_polynomial_features),
    "error-by-degree": ("mse_by_degree", ref_mse_by_degree),
    "select-degree": ("select_degree", ref_select_degree),
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
    assert all(len(line) <= 110 for line in prompt.splitlines() if not line.startswith((">>>", "..."))), "keep prompt lines short"
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


@pytest.mark.parametrize(("slug", "seed"), [(slug, seed) for slug in EXERCISES for seed in REFERENCE_SEEDS.get(slug, SEEDS)])
def test_solution_matches_independent_computation(slug, seed):
    entry, reference = EXERCISES[slug]
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for case in exercise_cases(exercise_id(slug), seed):
        before = copy.deepcopy(case.args)
        got = plain(solution(**case.args))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = plain(reference(**copy.deepcopy(case.args)))
        assert passes(check, expected, got, case), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        assert repr(before) == repr(case.args), f"{slug}: the solution modified its arguments"


def _bounds_hold(slug, a) -> bool:
    """The input bounds each prompt promises, so that a solution may rely on them."""
    if slug in ("accuracy",):
        return len(a["y_true"]) == len(a["y_pred"]) >= 1
    if slug in ("majority-baseline", "mean-baseline"):
        return len(a["y_train"]) >= 1 and len(a["y_test"]) >= 1
    if slug == "train-test-split":
        return len(a["permutation"]) >= 2 and sorted(a["permutation"]) == list(range(len(a["permutation"]))) and 10 <= a["test_percent"] <= 50
    if slug in ("error-by-degree", "select-degree"):
        xs = [v for key in a if key.startswith("x_") for v in a[key]]
        return (0 <= a["max_degree"] <= 6 and all(-1 <= v <= 1 for v in xs)
                and len(set(a["x_train"])) >= a["max_degree"] + 2)
    if slug == "polynomial-features":
        return 0 <= a["degree"] <= 8 and all(abs(v) <= 3 for v in a["x"]) and len(a["x"]) >= 1
    if slug == "learning-curve":
        return all(1 <= m <= len(a["y_train"]) for m in a["sizes"])
    if slug == "zero-or-one":
        A = np.asarray(a["images"])
        return A.shape[1:] == (8, 8) and A.min() >= 0 and A.max() <= 16 and A.dtype.kind == "i"
    if slug == "stratified-split":
        counts = np.bincount(a["labels"])
        return (sorted(a["permutation"]) == list(range(len(a["labels"]))) and 10 <= a["test_percent"] <= 50
                and counts[counts > 0].min() >= 2)
    return True


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_respect_the_bounds_the_prompt_states(slug, seed):
    for case in exercise_cases(exercise_id(slug), seed):
        assert _bounds_hold(slug, case.args), f"{slug} {case.label or ''}: {case.args}"


@pytest.mark.parametrize("slug", ["train-test-split", "stratified-split"])
@pytest.mark.parametrize("seed", SEEDS)
def test_splits_are_disjoint_complete_and_sized(slug, seed):
    entry = entry_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for case in exercise_cases(exercise_id(slug), seed):
        train, test = solution(**copy.deepcopy(case.args))
        n = len(case.args["permutation"])
        assert not set(train) & set(test) and sorted(train + test) == list(range(n))
        if slug == "stratified-split":
            labels = np.asarray(case.args["labels"])
            for c in np.unique(labels):
                n_c = int(np.sum(labels == c))
                # the class's test share is its own ceil, within one row of the exact proportion
                assert np.sum(labels[test] == c) == _n_test(n_c, case.args["test_percent"])
                assert abs(np.sum(labels[test] == c) - n_c * case.args["test_percent"] / 100) < 1


@pytest.mark.parametrize("seed", range(3))
def test_learning_curve_matches_scikit_learns_learning_curve(seed):
    # learning_curve with one fixed split (training rows, then validation rows) and absolute
    # sizes fits on the first m training rows and scores on them and on the validation rows.
    solution = function_of(FOLDER / "learning-curve" / "solution.py", "learning_curve_points")
    rng = np.random.default_rng(seed)
    n, v = 60, 40
    y = np.concatenate([[0, 1, 2], rng.integers(0, 3, size=n + v - 3)])  # every class in the first rows
    X = rng.normal(size=(n + v, 3)) + np.eye(3)[y] * 1.5
    sizes = [3, 10, 25, 60]
    split = [(np.arange(n), np.arange(n, n + v))]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        used, train, val = learning_curve(NearestCentroid(), X, y, train_sizes=sizes, cv=split, shuffle=False)
    assert used.tolist() == sizes
    got = solution(X_train=X[:n].tolist(), y_train=y[:n].tolist(), X_val=X[n:].tolist(), y_val=y[n:].tolist(), sizes=sizes)
    assert np.allclose(got["train"], train[:, 0]) and np.allclose(got["validation"], val[:, 0])


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_expected_output_never_equals_an_input(slug, seed):
    # Otherwise "you returned an input unchanged" could be said of a correct answer.
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    check = check_of(slug)
    for case in exercise_cases(exercise_id(slug), seed):
        expected = plain(solution(**copy.deepcopy(case.args)))
        for value in case.args.values():
            assert not passes(check, expected, plain(copy.deepcopy(value)), case), f"{slug} {case.label}: an input passes"


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


def test_bandit_figure_description_matches_the_curve_it_draws(tmp_path, monkeypatch):
    """Lesson 2's bandit panel: the epsilon-greedy curve starts below the random level (its
    estimates start at 0, so argmax first takes the worst arm), so the text must not say it
    climbs from the random level."""
    import runpy

    monkeypatch.chdir(tmp_path)  # the script writes its SVG beside it: here, a throwaway folder
    drawn = runpy.run_path(str(MODULES / MODULE / "lessons" / "figures" / "three-kinds.py"))
    start = float(drawn["smooth"][0])  # the first point of the smoothed curve it plots
    assert start < drawn["p"].mean() - 0.1
    text = " ".join((MODULES / MODULE / "lessons" / "02-three-kinds-of-learning.md").read_text(encoding="utf-8").split())
    assert "climbs from the random" not in text
    assert "rising from 0.47" not in text
    assert f"rising from about {start:.2f}, below the random level" in text


def test_zero_or_one_rule_is_stated_in_ink_not_brightness():
    """Lesson 1's rule predicts 1 where the centre has MORE ink (higher values, 0 is paper and 16
    full ink, drawn dark in the lesson's figure); calling that 'brighter' says the opposite."""
    text = " ".join((MODULES / MODULE / "lessons" / "01-learning-from-data.md").read_text(encoding="utf-8").split())
    assert "centre block is brighter" not in text
    assert "centre block holds more ink" in text
    assert "centre > whole" in text


def test_train_test_split_cases_avoid_sizes_where_float_rounding_changes_the_count():
    """ceil(test_percent / 100 * n), scikit-learn's own order of operations, is a correct
    reading of the prompt's rule but lands a hair above a whole number for a few pairs (28 %
    of 100 rows gives 29): the random cases never draw such a pair, on any seed."""
    import math

    assert math.ceil(28 / 100 * 100) == 29 and math.ceil(100 * 28 / 100) == 28  # such a pair exists
    for seed in range(400):
        for case in exercise_cases("what-is-ml/train-test-split", seed):
            n, percent = len(case.args["permutation"]), case.args["test_percent"]
            assert math.ceil(percent / 100 * n) == math.ceil(n * percent / 100), (seed, n, percent)
