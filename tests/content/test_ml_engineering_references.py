"""Reference tests for the function exercises of the ML engineering module.

Each reference solution is compared with an independent computation over every case of its
check for seeds 0-2, judged by the check's own `compare`: scipy's ks_2samp and expit,
scikit-learn's StandardScaler and accuracy_score, numpy histograms, pandas groupby for the
fairness metrics, model cards and alert runs, and hashlib through another route. The
recorded mistakes must go wrong and be told apart; starters must fail; the cases have the
agreed shape; prompts say that the entry is called with keyword arguments; and the
reproducibility claims (a hash split keeps its rows when data grow) hold.
"""

from __future__ import annotations

import copy
import hashlib
import json
import math
import re
import sys
import tomllib

import numpy as np
import pandas as pd
import pytest
import scipy.special
import scipy.stats
from sklearn.metrics import accuracy_score
from sklearn.preprocessing import StandardScaler

from exercise_files import MODULES, exercise_cases, load_file, passes, plain
from mltrail.grading.compare import compare_values
from mltrail.grading.contract import Iterated

MODULE = "ml-engineering"
FOLDER = MODULES / MODULE / "exercises"
SEEDS = range(3)


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    """Loading exercise files must not leave __pycache__ folders in the content."""
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


# --- independent references -------------------------------------------------------------


def ref_fingerprint(rows):
    canonical = sorted(json.dumps({k: row[k] for k in sorted(row)}, separators=(",", ":"), ensure_ascii=True) for row in rows)
    return hashlib.new("sha256", "\n".join(canonical).encode("utf-8")).hexdigest()


def ref_hash_split(ids, test_percent, salt):
    buckets = {i: int.from_bytes(hashlib.sha256(f"{salt}:{i}".encode()).digest(), "big") % 100 for i in ids}
    return {"train": [i for i in ids if buckets[i] >= test_percent], "test": [i for i in ids if buckets[i] < test_percent]}


def ref_bump_version(version, changes):
    if set(changes) - {"schema", "retrain", "metadata"}:
        raise ValueError("unknown change")
    major, minor, patch = (int(p) for p in version.split("."))
    if "schema" in changes:
        return f"{major + 1}.0.0"
    if "retrain" in changes:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def ref_best_run(runs, metric, mode):
    df = pd.DataFrame(
        [{"id": r["run_id"], "t": r["started"], "v": r["metrics"].get(metric, np.nan)} for r in runs], columns=["id", "t", "v"]
    ).dropna()
    if df.empty:
        return None
    return str(df.sort_values(["v", "t", "id"], ascending=[mode == "min", True, True]).iloc[0]["id"])


def ref_validate_batch(rows, schema):
    problems = []
    for i, row in enumerate(rows):
        for column, rule in schema.items():
            value = row.get(column)
            if value is None or (isinstance(value, float) and np.isnan(value)):
                problems += [] if rule.get("nullable") else [[i, column, "missing"]]
            elif isinstance(value, bool) or not isinstance(value, {"int": int, "float": (int, float), "str": str}[rule["type"]]):
                problems.append([i, column, "type"])
            elif rule["type"] != "str" and not rule.get("min", -np.inf) <= value <= rule.get("max", np.inf):
                problems.append([i, column, "range"])
        problems += [[i, c, "unexpected"] for c in row if c not in schema]
    return problems


def ref_skewed_features(train, serve, threshold):
    out = set(train) ^ set(serve)
    for c in set(train) & set(serve):
        t = pd.Series(train[c], dtype=float)
        if abs(pd.Series(serve[c], dtype=float).mean() - t.mean()) > threshold * t.std(ddof=0):
            out.add(c)
    return sorted(out)


def ref_scale_test(train, test):
    train = np.asarray(train, dtype=float)
    scaler = StandardScaler().fit(train)
    scale = np.where(np.ptp(train, axis=0) == 0, 1.0, np.sqrt(scaler.var_))
    return (np.asarray(test, dtype=float) - scaler.mean_) / scale


def ref_score_batches(rows, weights, bias, batch_size):
    def gen():
        if not rows:
            return
        scores = scipy.special.expit(np.asarray(rows, dtype=float) @ np.asarray(weights, dtype=float) + bias)
        for k in range(math.ceil(len(rows) / batch_size)):
            yield scores[k * batch_size:(k + 1) * batch_size].tolist()
    return Iterated(list(gen()))


def ref_psi(expected, actual, edges):
    bins = np.concatenate([[-np.inf], edges, [np.inf]])
    p = np.maximum(np.histogram(expected, bins=bins)[0] / len(expected), 1e-4)
    q = np.maximum(np.histogram(actual, bins=bins)[0] / len(actual), 1e-4)
    return float(np.sum((q - p) * np.log(q / p)))


def ref_ks_statistic(a, b):
    return float(scipy.stats.ks_2samp(a, b).statistic)


def ref_failing_tests(weights, bias, tests):
    w = np.asarray(weights, dtype=float)
    failed = []
    for i, t in enumerate(tests):
        s = float(w @ np.asarray(t["input"], dtype=float) + bias)
        if t["kind"] == "mft":
            ok = int(s >= 0) == t["label"]
        else:
            change = float(w @ np.asarray(t["perturbed"], dtype=float) + bias) - s
            if t["kind"] == "invariance":
                ok = abs(change) <= t["tolerance"]
            else:
                ok = change > 0 if t["direction"] == "up" else change < 0
        if not ok:
            failed.append(i)
    return failed


def ref_fairness_gaps(y_true, y_pred, groups):
    df = pd.DataFrame({"y_true": y_true, "y_pred": y_pred, "group": groups})
    rate = df.groupby("group")["y_pred"].mean()
    tpr = df[df["y_true"] == 1].groupby("group")["y_pred"].mean()
    return {"demographic_parity_difference": float(rate.max() - rate.min()), "equal_opportunity_difference": float(tpr.max() - tpr.min())}


def ref_build_model_card(name, version, intended_use, limitations, y_true, y_pred, groups):
    if not name.strip() or not version.strip() or not intended_use.strip() or not limitations:
        raise ValueError("required")
    df = pd.DataFrame({"t": y_true, "p": y_pred, "g": groups})
    per = {g: {"accuracy": float(accuracy_score(part["t"], part["p"])), "n": len(part)} for g, part in df.groupby("g")}
    worst = min(sorted(per), key=lambda g: per[g]["accuracy"])
    return {"model": name, "version": version, "intended_use": intended_use, "limitations": list(limitations),
            "metrics": {"accuracy": float(accuracy_score(y_true, y_pred)), "n": len(y_true)}, "groups": per, "worst_group": worst}


def ref_alert_indices(values, threshold, patience):
    breach = pd.Series(values, dtype=float) > threshold
    run = breach.astype(int).groupby((~breach).cumsum()).cumsum()
    return [int(i) for i in run.index[run == patience]]


EXERCISES = {
    "data-fingerprint": ("fingerprint", ref_fingerprint),
    "hash-split": ("hash_split", ref_hash_split),
    "version-bump": ("bump_version", ref_bump_version),
    "best-run": ("best_run", ref_best_run),
    "validate-batch": ("validate_batch", ref_validate_batch),
    "train-serve-skew": ("skewed_features", ref_skewed_features),
    "leakage-free-scaling": ("scale_test", ref_scale_test),
    "batch-scoring": ("score_batches", ref_score_batches),
    "psi": ("psi", ref_psi),
    "ks-statistic": ("ks_statistic", ref_ks_statistic),
    "behaviour-tests": ("failing_tests", ref_failing_tests),
    "fairness-gaps": ("fairness_gaps", ref_fairness_gaps),
    "model-card": ("build_model_card", ref_build_model_card),
    "alert-rule": ("alert_indices", ref_alert_indices),
}
HTTP = {"prediction-service": "create_app"}


def exercise_id(slug: str) -> str:
    return f"{MODULE}/{slug}"


def entry_of(slug: str) -> str:
    return tomllib.loads((FOLDER / slug / "exercise.toml").read_text(encoding="utf-8"))["entry"]


def check_of(slug: str):
    return load_file(FOLDER / slug / "check.py")


def function_of(path, entry):
    return getattr(load_file(path), entry)


def run(function, args):
    """A call's plain result (generators collected as the grader does), or RAISED, or the exception type's name."""
    try:
        value = function(**copy.deepcopy(args))
        if hasattr(value, "__next__"):
            return Iterated([plain(v) for v in value])
        return plain(value)
    except Exception as exc:  # noqa: BLE001 - a wrong answer may raise anything
        return ("raised", type(exc).__name__)


def verdict(check, case, expected, got) -> bool:
    if case.raises is not None:
        return isinstance(got, tuple) and got == ("raised", case.raises.type)
    if isinstance(got, tuple) and len(got) == 2 and got[0] == "raised":
        return False
    if not hasattr(check, "compare"):  # the grader's default comparison
        return compare_values(expected, got) is None
    return passes(check, expected, got, case)


def test_every_function_exercise_is_covered():
    folders = {
        path.name
        for path in FOLDER.iterdir()
        if (path / "exercise.toml").is_file()
        and tomllib.loads((path / "exercise.toml").read_text(encoding="utf-8"))["kind"] == "function"
    }
    assert folders == set(EXERCISES) | set(HTTP)


@pytest.mark.parametrize("slug", list(EXERCISES) + list(HTTP))
def test_exercise_files(slug):
    folder = FOLDER / slug
    meta = tomllib.loads((folder / "exercise.toml").read_text(encoding="utf-8"))
    assert meta["kind"] == "function"
    assert 2 <= len(meta["hints"]) <= 4
    assert 1 <= meta["difficulty"] <= 5
    manifest = tomllib.loads((MODULES / MODULE / "module.toml").read_text(encoding="utf-8"))
    declared = {skill["id"] for skill in manifest["skills"]}
    assert meta["skills"] and set(meta["skills"]) <= declared
    prompt = (folder / "prompt.md").read_text(encoding="utf-8")
    assert "calls it with keyword arguments" in " ".join(prompt.split()) or "with keyword arguments" in " ".join(prompt.split())
    assert f"`{meta['entry']}(" in prompt
    assert len(re.findall(r"```python\n", prompt)) == 1, "exactly one worked example"
    assert all(len(line) <= 100 for line in prompt.splitlines() if not line.startswith((">>>", "..."))), "keep prompt lines short"
    mistakes = sorted((folder / "mistakes").glob("*.py"))
    assert 2 <= len(mistakes) <= 3
    for path in mistakes:
        assert re.fullmatch(r"[a-z0-9-]+", path.stem), path.name
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name}: first line must be a comment"
        explanation = path.with_suffix(".md").read_text(encoding="utf-8").strip()
        assert 2 <= len(re.findall(r"[.!?](?=\s+[A-Z`(]|\s*$)", explanation)) <= 5, f"{path.name}: two to five sentences"


@pytest.mark.parametrize("slug", list(EXERCISES) + list(HTTP))
@pytest.mark.parametrize("seed", SEEDS)
def test_cases_shape(slug, seed):
    cases = exercise_cases(exercise_id(slug), seed)
    assert 1 <= sum(case.hidden for case in cases) <= 2
    assert sum(1 for case in cases if not case.hidden and case.label is None) >= 20
    assert cases[0].label is not None  # edge cases come first
    first_random = next(i for i, case in enumerate(cases) if case.label is None)
    assert all(case.label is not None for case in cases[:first_random])
    assert all(case.label is None for case in cases[first_random:])


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_solution_matches_independent_computation(slug, seed):
    entry, reference = EXERCISES[slug]
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    for case in exercise_cases(exercise_id(slug), seed):
        before = copy.deepcopy(case.args)
        got = run(solution, case.args)
        expected = run(reference, case.args)
        if case.raises is not None:
            assert got == expected == ("raised", case.raises.type), f"{slug} {case.label}: {got} / {expected}"
            continue
        assert verdict(check, case, expected, got), f"{slug} {case.label or ''}: {case.args} -> {got!r}, reference {expected!r}"
        assert repr(before) == repr(case.args), f"{slug}: the solution modified its arguments"


@pytest.mark.parametrize("slug", list(EXERCISES))
def test_starter_and_mistakes_fail_and_differ(slug):
    entry = entry_of(slug)
    check = check_of(slug)
    solution = function_of(FOLDER / slug / "solution.py", entry)
    cases = exercise_cases(exercise_id(slug), 0)
    expected = [run(solution, c.args) for c in cases]
    wrong = {"starter": function_of(FOLDER / slug / "starter.py", entry)}
    wrong.update({p.stem: function_of(p, entry) for p in sorted((FOLDER / slug / "mistakes").glob("*.py"))})
    outputs = {}
    for name, function in wrong.items():
        got = [run(function, c.args) for c in cases]
        assert not all(verdict(check, c, e, g) for c, e, g in zip(cases, expected, got)), f"{slug}/{name} passes"
        labelled = [(c, e, g) for c, e, g in zip(cases, expected, got) if c.label is not None]
        if name != "starter":
            assert not all(verdict(check, c, e, g) for c, e, g in labelled), f"{slug}/{name}: no labelled edge case rejects it"
        outputs[name] = repr(got)
    mistakes = [n for n in outputs if n != "starter"]
    assert len({outputs[n] for n in mistakes}) == len(mistakes), f"{slug}: two mistakes give the same outputs"


def test_prediction_service_answers_match_an_independent_computation():
    from fastapi.testclient import TestClient

    create_app = function_of(FOLDER / "prediction-service" / "solution.py", "create_app")
    for case in exercise_cases(exercise_id("prediction-service"), 0):
        init = case.args["init"]
        client = TestClient(create_app(**init))
        w = np.asarray(init["weights"], dtype=float)
        for request in case.args["requests"]:
            if request["method"] == "GET":
                answer = client.get(request["path"])
                assert answer.status_code == 200 and answer.json() == {"status": "ok", "version": init["version"]}
                continue
            answer = client.post(request["path"], json=request["json"])
            x = request["json"].get("features")
            valid = isinstance(x, list) and len(x) == len(w) and all(type(v) in (int, float) for v in x)  # not bool, not str
            if not valid:
                assert answer.status_code == 422, request
                continue
            score = float(scipy.special.expit(w @ np.asarray(x, dtype=float) + init["bias"]))
            body = answer.json()
            assert answer.status_code == 200
            assert abs(body["score"] - score) <= 1e-12 + 1e-12 * score
            assert body["label"] == int(score >= init["threshold"]) and body["version"] == init["version"]


def test_prediction_service_refuses_numbers_written_as_text_and_booleans():
    # The prompt answers 422 when "features" is not a list of numbers; "1.5" and true are not numbers,
    # although a lax pydantic model converts them. The reference refuses them, and a case rejects a
    # service that scores them: the reference itself without its strict mode.
    from mltrail.sandbox.runner import serve_requests

    path = FOLDER / "prediction-service" / "solution.py"
    create_app = function_of(path, "create_app")
    source = path.read_text(encoding="utf-8")
    strict = '    model_config = ConfigDict(strict=True)  # "1.5" and true are not numbers: 422\n'
    assert strict in source
    lax = {}
    exec(compile(source.replace(strict, ""), "lax_service.py", "exec"), lax)
    init = {"weights": [1.0, -2.0], "bias": 0.5, "threshold": 0.5, "version": "1.4.0"}
    args = {"init": init, "requests": [{"method": "POST", "path": "/predict", "json": {"features": x}}
                                       for x in (["2.0", "0.5"], [True, 0.5], [2, 1])]}
    assert [a["status"] for a in serve_requests(create_app, args)] == [422, 422, 200]
    assert [a["status"] for a in serve_requests(lax["create_app"], args)] == [200, 200, 200]  # lax indeed
    check = check_of("prediction-service")
    cases = exercise_cases(exercise_id("prediction-service"), 0)
    verdicts = [check.compare(serve_requests(create_app, c.args), serve_requests(lax["create_app"], c.args), c)
                for c in cases]
    assert not all(v is True for v in verdicts), "a service that scores numbers written as text passes the check"


@pytest.mark.parametrize("slug", list(EXERCISES))
@pytest.mark.parametrize("seed", SEEDS)
def test_expected_output_never_equals_an_input(slug, seed):
    # Otherwise "you returned an input unchanged" could be said of a correct answer.
    solution = function_of(FOLDER / slug / "solution.py", entry_of(slug))
    for case in exercise_cases(exercise_id(slug), seed):
        if case.raises is not None:
            continue
        expected = run(solution, case.args)
        for value in case.args.values():
            if isinstance(value, (list, str)) and len(value):
                assert plain(value) != expected, f"{slug} {case.label}: expected output equals an input"


def test_hash_split_keeps_every_row_on_its_side_when_data_grow():
    hash_split = function_of(FOLDER / "hash-split" / "solution.py", "hash_split")
    ids = [f"user-{k}" for k in range(2000)]
    small = hash_split(ids=ids[:1000], test_percent=20, salt="v1")
    large = hash_split(ids=ids, test_percent=20, salt="v1")
    assert set(small["test"]) <= set(large["test"]) and set(small["train"]) <= set(large["train"])
    assert 0.17 < len(large["test"]) / len(ids) < 0.23  # about the asked share
    other = hash_split(ids=ids, test_percent=20, salt="v2")
    assert set(other["test"]) != set(large["test"])  # a new salt draws a new split


def test_fingerprint_ignores_order_and_sees_every_value():
    fingerprint = function_of(FOLDER / "data-fingerprint" / "solution.py", "fingerprint")
    rows = [{"a": 1, "b": 2.5, "c": "x"}, {"a": 2, "b": None, "c": "y"}]
    shuffled = [{"c": "y", "a": 2, "b": None}, {"b": 2.5, "c": "x", "a": 1}]
    assert fingerprint(rows=rows) == fingerprint(rows=shuffled)
    assert fingerprint(rows=rows) != fingerprint(rows=[rows[0], {**rows[1], "b": 0.0}])
    assert fingerprint(rows=[]) == hashlib.sha256(b"").hexdigest()


def test_fingerprint_check_refuses_another_json_option():
    # The prompt fixes json.dumps's options ("no other option"): with ensure_ascii=False a row
    # holding "ö" is written with the letter itself instead of the escape "\u00f6", so its digest
    # differs, and a labelled case must show it.
    check = check_of("data-fingerprint")
    solution = function_of(FOLDER / "data-fingerprint" / "solution.py", "fingerprint")

    def unescaped(rows):
        lines = sorted(json.dumps(r, sort_keys=True, separators=(",", ":"), ensure_ascii=False) for r in rows)
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()

    labelled = [c for c in exercise_cases(exercise_id("data-fingerprint"), 0) if c.label is not None]
    assert not all(verdict(check, c, run(solution, c.args), run(unescaped, c.args)) for c in labelled)


def test_version_bump_hints_take_the_most_serious_change():
    # The levels number the most serious change 0 (schema), so the bump is the smallest level:
    # a hint saying max() would lead to a patch bump where a major one is due.
    hints = " ".join(tomllib.loads((FOLDER / "version-bump" / "exercise.toml").read_text(encoding="utf-8"))["hints"])
    assert "max(LEVEL" not in hints and "min(LEVEL" in hints


def test_psi_check_refuses_a_floor_on_empty_bins_only():
    # "Each share below 1e-4 is replaced by 1e-4": flooring only the empty bins differs from it
    # when a bin holds a share between 0 and 1e-4, and a labelled case must show it.
    check = check_of("psi")
    solution = function_of(FOLDER / "psi" / "solution.py", "psi")

    def zeros_only(expected, actual, edges):
        k = len(edges) + 1
        p = np.bincount(np.digitize(expected, edges), minlength=k) / len(expected)
        q = np.bincount(np.digitize(actual, edges), minlength=k) / len(actual)
        p, q = np.where(p == 0, 1e-4, p), np.where(q == 0, 1e-4, q)
        return float(np.sum((q - p) * np.log(q / p)))

    labelled = [c for c in exercise_cases(exercise_id("psi"), 0) if c.label is not None]
    assert not all(verdict(check, c, run(solution, c.args), run(zeros_only, c.args)) for c in labelled)


def test_skew_check_refuses_a_shift_equal_to_the_threshold():
    # A column is reported when its shift is greater than the threshold, not equal to it.
    check = check_of("train-serve-skew")
    solution = function_of(FOLDER / "train-serve-skew" / "solution.py", "skewed_features")

    def at_least(train, serve, threshold):
        shared = set(train) & set(serve)
        moved = {c for c in shared if abs(np.mean(serve[c]) - np.mean(train[c])) / np.std(train[c]) >= threshold}
        return sorted((set(train) ^ set(serve)) | moved)

    labelled = [c for c in exercise_cases(exercise_id("train-serve-skew"), 0) if c.label is not None]
    assert not all(verdict(check, c, run(solution, c.args), run(at_least, c.args)) for c in labelled)


def test_psi_is_symmetric_and_ks_matches_scipy_on_larger_samples():
    psi = function_of(FOLDER / "psi" / "solution.py", "psi")
    ks = function_of(FOLDER / "ks-statistic" / "solution.py", "ks_statistic")
    rng = np.random.default_rng(5)
    for _ in range(10):
        a = rng.normal(0, 1, size=int(rng.integers(50, 500))).round(2).tolist()
        b = rng.normal(0.3, 1.2, size=int(rng.integers(50, 500))).round(2).tolist()
        edges = sorted(set(np.quantile(a, [0.2, 0.4, 0.6, 0.8]).round(2).tolist()))
        assert math.isclose(psi(expected=a, actual=b, edges=edges), psi(expected=b, actual=a, edges=edges), rel_tol=1e-12)
        assert abs(ks(a=a, b=b) - scipy.stats.ks_2samp(a, b).statistic) < 1e-12
