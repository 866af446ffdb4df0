"""Reference tests for the function exercises of the tools module.

Each reference solution is compared with an independent computation over every case of its
check for seeds 0 and 1, judged by the check's own `compare`: scikit-learn's StandardScaler,
scipy's cdist and linregress, pandas' groupby, join and query, numpy's Generator.choice, dates
stepped with the datetime module, k nearest neighbours and ridge regression written with numpy,
cross_val_score loops, and figure summaries built by hand from the data. The recorded mistakes
must go wrong, on the labelled edge cases and on typical random cases, be told apart from each
other, and be explained in two to five sentences; starters must fail; the cases have the agreed
shape; prompts say that the entry is called with keyword arguments.
"""

from __future__ import annotations

import base64
import copy
import datetime as dt
import math
import pickle
import re
import sys
import tomllib

import numpy as np
import pandas as pd
import pytest
from scipy.spatial.distance import cdist
from scipy.stats import linregress
from sklearn.linear_model import Ridge
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from exercise_files import MODULES, RAISED, exercise_cases, load_file, plain
from mltrail.sandbox.codec import as_plain

MODULE = "tools"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = (0, 1)
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z`]|\s*$)")


@pytest.fixture(autouse=True)
def _content_graded_in_a_warm_pool():
    """Nothing here goes through the grader: no zygote pool is needed (overrides tests/conftest.py)."""
    yield


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def ref_standardize(X):
    return StandardScaler().fit_transform(np.asarray(X, dtype=float))  # zero variance: scale 1, so zeros


def ref_pairwise_distances(A, B):
    return cdist(A, B)


def ref_class_means(X, y):
    return pd.DataFrame(X).groupby(np.asarray(y)).mean().to_numpy()


def ref_bootstrap_means(values, n_boot, seed):
    return np.random.default_rng(seed).choice(np.asarray(values, dtype=float), size=(n_boot, len(values))).mean(axis=1)


def ref_heavy_penguins(df, species, min_mass):
    return [int(v) for v in df.query("species == @species and body_mass_g >= @min_mass").index]


def ref_group_summary(df, by, column):
    rows = {}
    for key, value in zip(df[by], df[column]):
        if isinstance(key, str):
            rows.setdefault(key, [])
            if not math.isnan(value):
                rows[key].append(float(value))
    keys = sorted(rows)
    data = [[len(rows[k]), math.fsum(rows[k]) / len(rows[k]) if rows[k] else math.nan, max(rows[k], default=math.nan)] for k in keys]
    return pd.DataFrame(data, index=keys, columns=["count", "mean", "max"])


def ref_join_measurements(birds, measurements):
    return birds.join(measurements.set_index("id"), on="id")


def ref_mean_table(df, index, columns, values):
    return df.groupby([index, columns])[values].mean().unstack()


def ref_weekly_means(df, column):
    weeks = {}
    for text, value in zip(df["date"], df[column]):
        day = dt.date.fromisoformat(text)
        sunday = day + dt.timedelta(days=6 - day.weekday())
        weeks.setdefault(sunday, [])
        if not math.isnan(value):
            weeks[sunday].append(float(value))
    out, sunday = {}, min(weeks)
    while sunday <= max(weeks):
        values = weeks.get(sunday, [])
        out[sunday.isoformat()] = math.fsum(values) / len(values) if values else math.nan
        sunday += dt.timedelta(days=7)
    return out


def ref_scaled_knn_predict(X_train, y_train, X_test, k):
    mean, sd = X_train.mean(axis=0), X_train.std(axis=0)
    A, B = (X_train - mean) / sd, (X_test - mean) / sd
    nearest = np.argsort(cdist(B, A), axis=1, kind="stable")[:, :k]
    return [int(np.argmax(np.bincount(y_train[row], minlength=3))) for row in nearest]


def ref_predict_mass(X_train, y_train, X_test):
    numeric = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm"]
    text = ["species", "island", "sex"]
    mean, sd = X_train[numeric].mean(), X_train[numeric].std(ddof=0)
    dummies = pd.get_dummies(X_train[text].astype(str), dtype=float)
    test_dummies = pd.get_dummies(X_test[text].astype(str), dtype=float).reindex(columns=dummies.columns, fill_value=0.0)
    A = np.hstack([((X_train[numeric] - mean) / sd).to_numpy(), dummies.to_numpy()])
    B = np.hstack([((X_test[numeric] - mean) / sd).to_numpy(), test_dummies.to_numpy()])
    centre, y_mean = A.mean(axis=0), float(np.mean(y_train))
    w = np.linalg.lstsq(np.vstack([A - centre, np.eye(A.shape[1])]),
                        np.concatenate([np.asarray(y_train) - y_mean, np.zeros(A.shape[1])]), rcond=None)[0]
    return (B - centre) @ w + y_mean  # ridge with alpha = 1 as an augmented least-squares problem


def ref_best_alpha(X, y, alphas):
    means = [float(np.mean(cross_val_score(make_pipeline(StandardScaler(), Ridge(alpha=a)), X, y, cv=3))) for a in alphas]
    best = int(np.argmax(means))  # the first of equal scores
    return {"alpha": float(alphas[best]), "score": means[best]}


def ref_predict_with_saved_model(model_b64, X):
    pipeline = pickle.loads(base64.b64decode(model_b64))
    scaler, classifier = pipeline.steps[0][1], pipeline.steps[-1][1]
    scores = ((X - scaler.mean_) / scaler.scale_) @ classifier.coef_.T + classifier.intercept_
    return [str(classifier.classes_[i]) for i in np.argmax(scores, axis=1)]


def _axes(**fields):
    base = {"title": "", "xlabel": "", "ylabel": "", "xscale": "linear", "yscale": "linear",
            "lines": [], "bars": [], "scatter": [], "legend": []}
    return {"axes": [dict(base, **fields)]}


def ref_plot_group_means(df, by, column):
    keys = sorted({k for k in df[by] if isinstance(k, str)})
    heights = [float(np.mean([v for k, v in zip(df[by], df[column]) if k == key])) for key in keys]
    bars = [{"x": i - 0.4, "height": h, "width": 0.8} for i, h in enumerate(heights)]
    return _axes(bars=bars, xlabel=by, ylabel=f"mean {column}", title="a title")


def ref_plot_fit(x, y, xlabel, ylabel):
    fit = linregress(x, y)
    ends = [float(np.min(x)), float(np.max(x))]
    return _axes(
        xlabel=xlabel, ylabel=ylabel, legend=["least-squares fit", "data"],
        lines=[{"x": ends, "y": [fit.intercept + fit.slope * e for e in ends], "label": "least-squares fit"}],
        scatter=[{"offsets": [[float(a), float(b)] for a, b in zip(x, y)], "label": "data"}],
    )


EXERCISES = {
    "standardize-columns": ("standardize", ref_standardize),
    "pairwise-distances": ("pairwise_distances", ref_pairwise_distances),
    "class-means": ("class_means", ref_class_means),
    "bootstrap-means": ("bootstrap_means", ref_bootstrap_means),
    "filter-rows": ("heavy_penguins", ref_heavy_penguins),
    "group-summary": ("group_summary", ref_group_summary),
    "merge-tables": ("join_measurements", ref_join_measurements),
    "pivot-means": ("mean_table", ref_mean_table),
    "weekly-means": ("weekly_means", ref_weekly_means),
    "scaled-knn": ("scaled_knn_predict", ref_scaled_knn_predict),
    "column-transformer": ("predict_mass", ref_predict_mass),
    "grid-search": ("best_alpha", ref_best_alpha),
    "saved-model": ("predict_with_saved_model", ref_predict_with_saved_model),
    "bar-chart-means": ("plot_group_means", ref_plot_group_means),
    "scatter-with-fit": ("plot_fit", ref_plot_fit),
}


# --- helpers -----------------------------------------------------------------------------


def exercise_id(slug):
    return f"{MODULE}/{slug}"


def check_of(slug):
    return load_file(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(load_file(path), entry)


def value(result):
    """What the grader compares: figures as their summary, numpy scalars as numbers."""
    return plain(as_plain(result))


def run(function, args):
    try:
        return value(function(**copy.deepcopy(args)))
    except Exception:  # a wrong answer may raise anything
        return RAISED


def passes(check, expected, got, case) -> bool:
    if got is RAISED:
        return False
    try:
        verdict = check.compare(expected, got, case)
    except Exception:
        return False
    return verdict is True or verdict is None


def mistake_files():
    for slug in EXERCISES:
        for path in sorted((FOLDER / slug / "mistakes").glob("*.py")):
            yield pytest.param(slug, path, id=f"{slug}/{path.stem}")


# scikit-learn fits dominate the cost: those exercises are checked on one seed here (the
# grader's own tests and test_tools_solutions.py grade them on two).
HEAVY = {"grid-search", "column-transformer", "saved-model", "scaled-knn"}


def seeded(slugs):
    return [pytest.param(slug, seed, id=f"{slug}-{seed}") for slug in slugs for seed in (SEEDS[:1] if slug in HEAVY else SEEDS)]


def seeded_mistakes():
    for param in mistake_files():
        slug, path = param.values
        for seed in SEEDS[:1] if slug in HEAVY else SEEDS:
            yield pytest.param(slug, path, seed, id=f"{slug}/{path.stem}-{seed}")


_CASES: dict = {}
_EXPECTED: dict = {}


def cases_of(slug, seed):
    if (slug, seed) not in _CASES:
        _CASES[slug, seed] = exercise_cases(exercise_id(slug), seed)
    return _CASES[slug, seed]


_OUTPUTS: dict = {}


def outputs_of(slug, path, seed):
    """A recorded mistake's outputs on every case of one seed, computed once."""
    if (path, seed) not in _OUTPUTS:
        mistake = function_of(path, EXERCISES[slug][0])
        _OUTPUTS[path, seed] = [run(mistake, c.args) for c in cases_of(slug, seed)]
    return _OUTPUTS[path, seed]


def expected_of(slug, seed):
    if (slug, seed) not in _EXPECTED:
        solution = function_of(FOLDER / slug / "solution.py", EXERCISES[slug][0])
        _EXPECTED[slug, seed] = [run(solution, c.args) for c in cases_of(slug, seed)]
    return _EXPECTED[slug, seed]


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
    assert meta["kind"] == "function" and meta["entry"] == EXERCISES[slug][0]
    assert 2 <= len(meta["hints"]) <= 4 and 1 <= meta["difficulty"] <= 5
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text(encoding="utf-8"))
    assert meta["skills"] and set(meta["skills"]) <= {skill["id"] for skill in manifest["skills"]}
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    assert "the grader calls it with keyword arguments" in " ".join(prompt.split())
    assert f"`{EXERCISES[slug][0]}(" in prompt
    assert len(re.findall(r"```python\n", prompt)) == 1, "exactly one worked example"
    assert all(len(line) <= 100 for line in prompt.splitlines() if not line.startswith((">>>", "..."))), "keep prompt lines short"
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 2 <= len(mistakes) <= 3
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem), path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: first line must be a comment"


@pytest.mark.parametrize(("slug", "seed"), seeded(EXERCISES))
def test_cases_shape(slug, seed):
    cases = cases_of(slug, seed)
    assert sum(case.hidden for case in cases) == 1
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    first_random = next(i for i, case in enumerate(cases) if case.label is None)
    assert first_random >= 3, "edge cases come first"
    assert all(case.label is not None for case in cases[:first_random])
    assert all(case.label is None for case in cases[first_random:])


# --- the reference against independent computations -------------------------------------


@pytest.mark.parametrize(("slug", "seed"), seeded(EXERCISES))
def test_solution_matches_independent_computation(slug, seed):
    entry, reference = EXERCISES[slug]
    check = check_of(slug)
    for case, got in zip(cases_of(slug, seed), expected_of(slug, seed)):
        assert got is not RAISED, f"{slug} {case.label or ''}: the reference raised"
        independent = run(reference, case.args)
        assert passes(check, got, independent, case), f"{slug} {case.label or ''}: reference {got!r}, independent {independent!r}"
        assert passes(check, independent, got, case), f"{slug} {case.label or ''}: reference {got!r}, independent {independent!r}"


@pytest.mark.parametrize("slug", ["standardize-columns", "merge-tables", "group-summary"])
def test_solution_leaves_its_inputs_alone(slug):
    solution = function_of(FOLDER / slug / "solution.py", EXERCISES[slug][0])
    for case in cases_of(slug, 0):
        before = copy.deepcopy(case.args)
        solution(**case.args)
        for name, old in before.items():
            new = case.args[name]
            if isinstance(old, pd.DataFrame):
                assert old.equals(new), f"{slug}: {name} was modified"
            elif isinstance(old, np.ndarray):
                assert np.array_equal(old, new, equal_nan=True), f"{slug}: {name} was modified"


def test_standardize_columns_finds_constant_columns_exactly():
    """A constant column's computed std can be a rounding error such as 2.8e-17, not 0: the
    prompt says to compare the maximum with the minimum, and a fixed case holds to it."""
    check = check_of("standardize-columns")

    def std_equals_zero(X):
        std = X.std(axis=0)
        return np.where(std == 0, 0.0, (X - X.mean(axis=0)) / np.where(std == 0, 1.0, std))

    cases = cases_of("standardize-columns", 0)
    got = [run(std_equals_zero, c.args) for c in cases]
    assert not all(passes(check, e, g, c) for e, g, c in zip(expected_of("standardize-columns", 0), got, cases))


def test_dataset_prompt_example_prints_what_it_says():
    """The dataset exercise's worked example, run with its reference, prints what the prompt shows
    (whatever numpy prints for the strings a predict returns)."""
    import doctest

    folder = FOLDER / "penguins-without-bills"
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", prompt, flags=re.S).group(1)
    globs = {"fit_predict": function_of(folder / "solution.py", "fit_predict")}
    test = doctest.DocTestParser().get_doctest(block, globs, "penguins-without-bills", "prompt.md", 0)
    runner = doctest.DocTestRunner()
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_group_summary_case_labels_hold():
    """A label that promises a missing value counted out must have one in a group that is kept."""
    for case in cases_of("group-summary", 0):
        if case.label and "not counted" in case.label:
            df, by, column = case.args["df"], case.args["by"], case.args["column"]
            assert df.loc[df[by].notna(), column].isna().any(), case.label


def test_scaled_knn_beats_unscaled_on_wine():
    from sklearn.datasets import load_wine
    from sklearn.neighbors import KNeighborsClassifier

    X, y = load_wine(return_X_y=True)
    train, test = np.arange(0, 178, 2), np.arange(1, 178, 2)
    solution = function_of(FOLDER / "scaled-knn" / "solution.py", "scaled_knn_predict")
    scaled = np.mean(np.asarray(solution(X_train=X[train], y_train=y[train], X_test=X[test], k=5)) == y[test])
    raw = KNeighborsClassifier(n_neighbors=5).fit(X[train], y[train]).score(X[test], y[test])
    assert scaled > 0.9 > raw + 0.1


def test_grid_search_tie_goes_to_the_first_alpha():
    from sklearn.datasets import load_diabetes

    X, y = load_diabetes(return_X_y=True)
    solution = function_of(FOLDER / "grid-search" / "solution.py", "best_alpha")
    # Two huge alphas shrink every coefficient to almost 0: both score like the mean predictor.
    a = solution(X=X[:90], y=y[:90], alphas=[1e12, 2e12])
    b = solution(X=X[:90], y=y[:90], alphas=[2e12, 1e12])
    assert (a["alpha"], b["alpha"]) == (1e12, 2e12) or abs(a["score"] - b["score"]) < 1e-9


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_fails(slug):
    starter = function_of(FOLDER / slug / "starter.py", EXERCISES[slug][0])
    check = check_of(slug)
    cases = cases_of(slug, 0)
    assert not all(passes(check, e, run(starter, c.args), c) for e, c in zip(expected_of(slug, 0), cases))


# --- recorded mistakes ---------------------------------------------------------------------


@pytest.mark.parametrize(("slug", "path", "seed"), list(seeded_mistakes()))
def test_mistake_is_caught_on_edge_and_random_cases(slug, path, seed):
    check = check_of(slug)
    cases = cases_of(slug, seed)
    wrong = [not passes(check, e, got, c) for e, got, c in zip(expected_of(slug, seed), outputs_of(slug, path, seed), cases)]
    labelled = [w for w, c in zip(wrong, cases) if c.label is not None]
    random = [w for w, c in zip(wrong, cases) if c.label is None and not c.hidden]
    assert any(labelled), f"{path.name} is not caught by the fixed edge cases"
    assert sum(random) >= 0.25 * len(random), f"{path.name} goes wrong on only {sum(random)} of {len(random)} random cases"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_mistakes_are_told_apart(slug):
    check = check_of(slug)
    cases = cases_of(slug, 0)
    outputs = {path.stem: outputs_of(slug, path, 0) for path in sorted((FOLDER / slug / "mistakes").glob("*.py"))}
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
