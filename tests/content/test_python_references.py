"""Reference tests for the function exercises of the `python` module.

Each solution is compared with an independent computation (numpy, pandas,
scikit-learn, re, collections, decimal, itertools) over the cases of its check,
for several seeds. Starters must not solve the first case, every mistake must
go wrong on some case, and every prompt's worked example must run against the
solution.
"""

from __future__ import annotations

import collections
import doctest
import inspect
import itertools
import math
import pickle
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.metrics import accuracy_score
from sklearn.preprocessing import MinMaxScaler, StandardScaler

from exercise_files import MODULES, exercise_cases, load_file, solution_function
from mltrail.grading.contract import Case

MODULE = "python"
EXERCISES = {
    "clamp": "clamp",
    "running-mean": "running_mean",
    "accuracy": "accuracy",
    "normalize-text": "normalize_text",
    "word-counts": "word_counts",
    "vocabulary-index": "build_vocabulary",
    "one-hot": "one_hot",
    "invert-mapping": "invert_mapping",
    "csv-column-mean": "column_mean",
    "count-code-lines": "count_code_lines",
    "parse-floats": "parse_floats",
    "batches": "batches",
    "sliding-windows": "sliding_windows",
    "standardizer": "Standardizer",
    "standardize-columns": "standardize_columns",
    "min-max-scale": "min_max_scale",
}
GENERATORS = {"batches", "sliding-windows"}
SEEDS = range(5)
EXERCISE_DIR = MODULES / MODULE / "exercises"
UNCHANGED = {slug: tomllib.loads((EXERCISE_DIR / slug / "exercise.toml").read_text()).get("inputs_unchanged", False)
             for slug in EXERCISES}


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


def _folder(slug: str) -> Path:
    return EXERCISE_DIR / slug


def _mistakes() -> list[tuple[str, str]]:
    return [
        (slug, path.name)
        for slug in EXERCISES
        for path in sorted((_folder(slug) / "mistakes").glob("*.py"))
    ]


# --- running an entry the way the grader does ---------------------------------


class NotAGenerator(Exception):
    pass


def _run(slug: str, entry, case: Case, tmp_path: Path, monkeypatch, copy_args: bool = True):
    """Call entry on a case: write its files, drive classes, consume generators."""
    workdir = tmp_path / "work"
    workdir.mkdir(exist_ok=True)
    monkeypatch.chdir(workdir)
    for name, text in case.files.items():
        (workdir / name).write_text(text)
    args = _copy(case.args) if copy_args else case.args
    if isinstance(entry, type):
        obj = entry(**args["init"])
        results = []
        for method, kwargs in args["calls"]:
            if kwargs is None:  # an attribute read, e.g. mean_ after fit
                results.append(getattr(obj, method))
                continue
            value = getattr(obj, method)(**kwargs)
            results.append("self" if value is obj else value)
        return results
    result = entry(**args)
    if slug in GENERATORS:
        if not inspect.isgenerator(result):
            raise NotAGenerator(f"expected a generator, got {type(result).__name__}")
        return list(result)
    return result


def _copy(value):
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    if isinstance(value, np.ndarray):
        return value.copy()
    return value


def _same(expected, got) -> bool:
    """Strict comparison: ints must stay ints, floats within a tight tolerance."""
    if isinstance(expected, np.ndarray):
        try:
            arr = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return False
        return arr.shape == expected.shape and bool(
            np.allclose(arr, expected, rtol=1e-6, atol=1e-9, equal_nan=True)
        )
    if isinstance(expected, bool) or expected is None or isinstance(expected, str):
        return type(got) is type(expected) and got == expected
    if isinstance(expected, int):
        return isinstance(got, int) and not isinstance(got, bool) and got == expected
    if isinstance(expected, float):
        return (
            isinstance(got, float)
            and math.isclose(got, expected, rel_tol=1e-6, abs_tol=1e-9)
        )
    if isinstance(expected, (list, tuple)):
        return (
            isinstance(got, (list, tuple))
            and len(got) == len(expected)
            and all(_same(e, g) for e, g in zip(expected, got))
        )
    if isinstance(expected, dict):
        return (
            isinstance(got, dict)
            and set(got) == set(expected)
            and all(_same(expected[k], got[k]) for k in expected)
        )
    return got == expected


# --- independent computations -------------------------------------------------


def ref_clamp(x, low, high):
    # A stable sort keeps x in the middle on ties, and returns the object itself.
    return sorted([low, x, high])[1]


def ref_running_mean(values):
    if not values:
        return []
    arr = np.asarray(values, dtype=float)
    return (np.cumsum(arr) / np.arange(1, len(arr) + 1)).tolist()


def ref_accuracy(y_true, y_pred):
    if len(y_true) == 0:
        return 0.0
    return float(accuracy_score(y_true, y_pred))


def ref_normalize_text(text):
    # In Python's re, \w is "isalnum() or underscore".
    replaced = re.sub(r"[^\w\s]|_", " ", text.lower())
    return re.sub(r"\s+", " ", replaced).strip()


def ref_word_counts(text):
    return dict(collections.Counter(re.findall(r"\S+", text.lower())))


def ref_build_vocabulary(tokens, min_count):
    if not tokens:
        return {}
    series = pd.Series(tokens, dtype=object)
    counts = series.value_counts()
    kept = [token for token in pd.unique(series) if counts[token] >= min_count]
    return {token: index for index, token in enumerate(kept)}


def ref_one_hot(labels, classes):
    if not labels:
        return []
    lab = np.array(labels, dtype=object)[:, None]
    cls = np.array(classes, dtype=object)[None, :]
    return [[int(v) for v in row] for row in (lab == cls).astype(int)]


def ref_invert_mapping(mapping):
    if not mapping:
        return {}
    series = pd.Series(mapping)
    return {value: sorted(group.index) for value, group in series.groupby(series.values)}


def ref_column_mean(path, column):
    frame = pd.read_csv(path, keep_default_na=False, dtype=str)
    cells = frame[column]
    numbers = pd.to_numeric(cells[cells != ""], errors="raise")
    return None if len(numbers) == 0 else float(numbers.mean())


def ref_count_code_lines(path):
    text = Path(path).read_text()
    return len(re.findall(r"^[ \t]*[^\s#]", text, flags=re.MULTILINE))


_DIGITS = r"\d(?:_?\d)*"
_FLOAT = re.compile(
    rf"\s*[+-]?(?:(?:(?:{_DIGITS})?\.{_DIGITS}|{_DIGITS}\.?)(?:[eE][+-]?{_DIGITS})?"
    r"|inf|infinity|nan)\s*",
    flags=re.IGNORECASE,
)


def ref_parse_floats(strings):
    # Python's float() grammar, written as a regular expression; values via Decimal.
    good = [s for s in strings if _FLOAT.fullmatch(s)]
    return [float(Decimal(s.strip())) for s in good], len(strings) - len(good)


def ref_batches(items, size):
    groups = itertools.groupby(enumerate(items), key=lambda pair: pair[0] // size)
    return [[item for _, item in group] for _, group in groups]


def ref_sliding_windows(values, width):
    if width > len(values):
        return []
    return [tuple(row) for row in sliding_window_view(np.array(values), width).tolist()]


def ref_standardizer(init, calls):
    assert init == {}
    results = []
    scaler = None
    for method, kwargs in calls:
        if kwargs is None:  # mean_ and std_ after fit: scikit-learn's mean_ and scale_ before its zero guard
            results.append(float(scaler.mean_[0]) if method == "mean_" else float(np.sqrt(scaler.var_[0])))
            continue
        values = np.asarray(kwargs["values"], dtype=float).reshape(-1, 1)
        if method == "fit":
            # scikit-learn treats a near-zero scale (rounding noise of equal values) as 1.
            scaler = StandardScaler().fit(values)
            results.append("self")
        else:
            assert method == "transform"
            results.append(scaler.transform(values).ravel().tolist() if len(values) else [])
    return results


def ref_standardize_columns(X):
    return StandardScaler().fit_transform(np.asarray(X, dtype=float))


def ref_min_max_scale(x, feature_range):
    scaler = MinMaxScaler(feature_range=tuple(float(v) for v in feature_range))
    return scaler.fit_transform(np.asarray(x, dtype=float).reshape(-1, 1)).ravel()


REFERENCES = {
    "clamp": ref_clamp,
    "running-mean": ref_running_mean,
    "accuracy": ref_accuracy,
    "normalize-text": ref_normalize_text,
    "word-counts": ref_word_counts,
    "vocabulary-index": ref_build_vocabulary,
    "one-hot": ref_one_hot,
    "invert-mapping": ref_invert_mapping,
    "csv-column-mean": ref_column_mean,
    "count-code-lines": ref_count_code_lines,
    "parse-floats": ref_parse_floats,
    "batches": ref_batches,
    "sliding-windows": ref_sliding_windows,
    "standardizer": ref_standardizer,
    "standardize-columns": ref_standardize_columns,
    "min-max-scale": ref_min_max_scale,
}


def _reference(slug: str, case: Case, tmp_path: Path, monkeypatch):
    workdir = tmp_path / "ref"
    workdir.mkdir(exist_ok=True)
    monkeypatch.chdir(workdir)
    for name, text in case.files.items():
        (workdir / name).write_text(text)
    return REFERENCES[slug](**_copy(case.args))


# --- tests --------------------------------------------------------------------


def test_every_exercise_folder_is_covered():
    folders = {
        p.name
        for p in EXERCISE_DIR.iterdir()
        if p.is_dir() and (p / "exercise.toml").exists()
        and tomllib.loads((p / "exercise.toml").read_text())["kind"] == "function"
    }
    assert folders == set(EXERCISES)


@pytest.mark.parametrize("slug", EXERCISES)
def test_exercise_files(slug):
    folder = _folder(slug)
    meta = tomllib.loads((folder / "exercise.toml").read_text())
    assert meta["kind"] == "function"
    assert meta["entry"] == EXERCISES[slug]
    assert 1 <= meta["difficulty"] <= 5 and meta["minutes"] > 0
    assert 2 <= len(meta["hints"]) <= 4
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text())
    declared = {skill["id"] for skill in manifest["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    names = {p.name for p in folder.iterdir() if p.name != "__pycache__"}
    assert names == {"exercise.toml", "prompt.md", "starter.py", "solution.py", "check.py", "mistakes"}
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 1 <= len(mistakes) <= 4
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+\.py", path.name)
        assert path.read_text().startswith("# Mistake: ")


@pytest.mark.parametrize("slug", EXERCISES)
def test_cases_are_random_and_hidden(slug):
    first = exercise_cases(f"{MODULE}/{slug}", 0)
    second = exercise_cases(f"{MODULE}/{slug}", 1)
    assert len(first) >= 25
    assert sum(case.hidden for case in first) >= 2
    # the random part differs between seeds
    assert repr([(c.args, c.files) for c in first]) != repr([(c.args, c.files) for c in second])
    if slug in {"standardize-columns", "min-max-scale"}:
        key = "X" if slug == "standardize-columns" else "x"
        assert all(isinstance(case.args[key], np.ndarray) for case in first)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("slug", EXERCISES)
def test_solution_matches_reference(slug, seed, tmp_path, monkeypatch):
    entry = solution_function(f"{MODULE}/{slug}", EXERCISES[slug])
    for index, case in enumerate(exercise_cases(f"{MODULE}/{slug}", seed)):
        if case.raises is not None:  # the solution raises what the case expects
            with pytest.raises(Exception) as raised:
                _run(slug, entry, case, tmp_path, monkeypatch)
            assert case.raises.type in [c.__name__ for c in type(raised.value).__mro__]
            continue
        expected = _reference(slug, case, tmp_path, monkeypatch)
        got = _run(slug, entry, case, tmp_path, monkeypatch)
        assert _same(expected, got), f"case {index} {case.args!r}: {expected!r} != {got!r}"


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("slug", EXERCISES)
def test_solution_does_not_modify_inputs(slug, seed, tmp_path, monkeypatch):
    entry = solution_function(f"{MODULE}/{slug}", EXERCISES[slug])
    for case in exercise_cases(f"{MODULE}/{slug}", seed):
        before = pickle.dumps(case.args)
        try:
            _run(slug, entry, case, tmp_path, monkeypatch, copy_args=False)
        except Exception:
            assert case.raises is not None
            pass  # the exception the case expects; its inputs must still be intact
        assert pickle.dumps(case.args) == before


@pytest.mark.parametrize("slug", EXERCISES)
def test_starter_does_not_solve_first_case(slug, tmp_path, monkeypatch):
    case = exercise_cases(f"{MODULE}/{slug}", 0)[0]
    entry = getattr(load_file(_folder(slug) / "starter.py"), EXERCISES[slug])
    expected = _reference(slug, case, tmp_path, monkeypatch)
    try:
        got = _run(slug, entry, case, tmp_path, monkeypatch)
    except Exception:
        return
    assert not _same(expected, got)


@pytest.mark.parametrize("slug,mistake", _mistakes())
def test_mistake_is_wrong_for_every_seed(slug, mistake, tmp_path, monkeypatch):
    entry = getattr(load_file(_folder(slug) / "mistakes" / mistake), EXERCISES[slug])
    solution = solution_function(f"{MODULE}/{slug}", EXERCISES[slug])
    for seed in SEEDS:
        wrong = False
        for case in exercise_cases(f"{MODULE}/{slug}", seed):
            if case.raises is not None:
                continue
            expected = _run(slug, solution, case, tmp_path, monkeypatch)
            args = _copy(case.args)
            before = pickle.dumps(args)
            try:
                got = _run(slug, entry, Case(args=args, files=case.files), tmp_path, monkeypatch, copy_args=False)
            except Exception:
                wrong = True
                break
            if UNCHANGED.get(slug) and pickle.dumps(args) != before:
                wrong = True  # the exercise declares its inputs unchanged
                break
            if not _same(expected, got):
                wrong = True
                break
        assert wrong, f"{mistake} passes every case for seed {seed}"


@pytest.mark.parametrize("slug", EXERCISES)
def test_prompt_example_runs_against_solution(slug, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _folder(slug)
    text = (folder / "prompt.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.DOTALL)
    assert len(blocks) == 1, "a prompt has exactly one worked example"
    assert EXERCISES[slug] + "(" in blocks[0]
    namespace = dict(vars(load_file(folder / "solution.py")))
    test = doctest.DocTestParser().get_doctest(blocks[0], namespace, slug, str(folder / "prompt.md"), 0)
    assert test.examples
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    result = runner.run(test, out=lambda s: None)
    assert result.failed == 0, f"the worked example of {slug} fails against solution.py"
