"""The ML engineering quiz: its structure, and every answer checked by a computation.

Each item id has a verifier below: numeric items are recomputed (PSI with numpy, the KS
statistic with scipy, fairness rates with pandas, alert counts with a run-length pass),
expression items are compared with sympy and with the exercise references, and choice items
are checked by a computation on each claim where one can be made (leakage by refitting
inside and outside the split, versions by the version-bump reference, a tie by the best-run
reference, a missing feature by asking the prediction service). An item without a verifier
fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import math
import string
import sys
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import scipy.stats
import sympy
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

from exercise_files import load_file

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "ml-engineering"
QUIZ = MODULE / "exercises" / "quiz"

SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}

FUNCTIONS = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "abs": sympy.Abs}
CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Pow, ast.USub, ast.UAdd,
)


@pytest.fixture(autouse=True)
def _no_bytecode_in_content(monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", True)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def solution(slug: str, entry: str):
    return getattr(load_file(MODULE / "exercises" / slug / "solution.py"), entry)


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], f"{item['id']}: stored {item['answer']}, computed {value}"


def choice_text(item) -> str:
    return item["choices"][string.ascii_lowercase.index(item["answer"])]


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_ids():
    items = SPEC["items"]
    assert len(items) >= 10
    assert len(ITEMS) == len(items), "item ids must be unique"
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module is asked about"


@pytest.mark.parametrize("item", SPEC["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert item["prompt"].strip() and item["explanation"].strip()
    assert set(item.get("skills", [])) <= MODULE_SKILLS
    if item["kind"] in ("choice", "multiple"):
        assert len(set(item["choices"])) == len(item["choices"]) >= 2
        valid = [letter(i) for i in range(len(item["choices"]))]
        answers = [item["answer"]] if item["kind"] == "choice" else item["answer"]
        assert answers and set(answers) <= set(valid) and len(answers) < len(valid)
    elif item["kind"] == "numeric":
        assert isinstance(item["answer"], (int, float)) and item["tolerance"] >= 0
    else:
        low, high = item["domain"]
        assert low < high and item["tolerance"] > 0
        for node in ast.walk(ast.parse(item["answer"], mode="eval")):
            assert isinstance(node, ALLOWED_NODES), type(node).__name__
            if isinstance(node, ast.Name):
                assert node.id in set(FUNCTIONS) | set(CONSTANTS) | set(item["variables"])
        for name in item["variables"]:
            assert name in item["prompt"]


def test_every_item_has_a_verifier():
    assert set(ITEMS) == set(VERIFIERS)


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_answer_is_right(item_id):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(100 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers


def _psi(p, q):
    p, q = np.asarray(p, dtype=float), np.asarray(q, dtype=float)
    return float(np.sum((q - p) * np.log(q / p)))


def verify_q1(item, rng):
    value = 0.18
    # the convention: < 0.1 none, 0.1-0.25 moderate, > 0.25 significant
    assert 0.1 <= value <= 0.25 and "moderate" in choice_text(item).lower()
    # and PSI is not a p-value: it exceeds 1 for disjoint samples
    assert _psi([0.5, 0.5 - 1e-4, 1e-4], [1e-4, 0.5 - 1e-4, 0.5]) > 1


def verify_q2(item, rng):
    assert_numeric(item, _psi([0.5, 0.5], [0.8, 0.2]))
    psi = solution("psi", "psi")
    assert_numeric(item, psi(expected=[0.0] * 5 + [1.0] * 5, actual=[0.0] * 8 + [1.0] * 2, edges=[0.5]))


def verify_q3(item, rng):
    assert_numeric(item, scipy.stats.ks_2samp([1, 2, 3, 4], [3, 4, 5, 6]).statistic)


def verify_q4(item, rng):
    X = rng.normal(size=(40, 3))
    X[rng.random(size=X.shape) < 0.2] = np.nan
    train, test = X[:30], X[30:]
    # (a) a scaler fitted on all rows uses the test rows: its statistics differ from the training-only ones
    full = StandardScaler().fit(np.nan_to_num(X))
    assert not np.allclose(full.mean_, StandardScaler().fit(np.nan_to_num(train)).mean_)
    # (b) the imputer in a pipeline is refitted on the training rows only: its medians ignore the test rows
    imputer = SimpleImputer(strategy="median").fit(train)
    assert np.allclose(imputer.statistics_, np.nanmedian(train, axis=0))
    # (d) target encoding on the whole data set: a test row's label moves its own encoding
    y = rng.integers(0, 2, size=40)
    cat = rng.integers(0, 3, size=40)
    enc_all = pd.Series(y).groupby(cat).transform("mean").to_numpy()
    y_flipped = y.copy()
    y_flipped[35] = 1 - y[35]
    enc_flipped = pd.Series(y_flipped).groupby(cat).transform("mean").to_numpy()
    assert enc_all[35] != enc_flipped[35]
    assert sorted(item["answer"]) == ["a", "c", "d"]


def _kind_of(scenario: str) -> str:
    """How the behavioural-test runner would phrase the scenario's rule."""
    return {"must not change": "invariance", "at most": "invariance", "is flagged": "mft",
            "does not raise": "directional", "must not go down": "directional"}[scenario]


def verify_q5(item, rng):
    assert _kind_of("must not go down") == "directional" and "directional" in choice_text(item)
    # a model whose score falls with income fails that test in the runner
    failing = solution("behaviour-tests", "failing_tests")
    test = {"kind": "directional", "input": [1.0], "perturbed": [2.0], "direction": "up"}
    assert failing(weights=[-1.0], bias=0.0, tests=[test]) == [0]
    assert failing(weights=[1.0], bias=0.0, tests=[test]) == []


def verify_q6(item, rng):
    kinds = [_kind_of("must not change"), _kind_of("is flagged"), _kind_of("at most"), _kind_of("does not raise")]
    assert sorted(item["answer"]) == [letter(i) for i, k in enumerate(kinds) if k == "invariance"]


def verify_q7(item, rng):
    overall = 0.9 * 0.94 + 0.1 * 0.64
    assert abs(overall - 0.91) < 0.001  # consistent numbers: (c) is wrong
    standard_error = math.sqrt(0.64 * 0.36 / 100)
    assert 0.94 - 0.64 > 5 * standard_error  # 100 people are enough to see a 30-point gap: (d) is wrong
    assert item["answer"] == "b"


def _fairness(y_true, y_pred, groups):
    df = pd.DataFrame({"t": y_true, "p": y_pred, "g": groups})
    rate = df.groupby("g")["p"].mean()
    tpr = df[df["t"] == 1].groupby("g")["p"].mean()
    return float(rate.max() - rate.min()), float(tpr.max() - tpr.min())


def verify_q8(item, rng):
    groups = ["A"] * 100 + ["B"] * 60
    y_pred = [1] * 30 + [0] * 70 + [1] * 12 + [0] * 48
    y_true = [int(v) for v in rng.integers(0, 2, size=160)]
    y_true[0] = 1
    assert_numeric(item, _fairness(y_true, y_pred, groups)[0])


def verify_q9(item, rng):
    groups = ["A"] * 50 + ["B"] * 30
    y_true = [1] * 40 + [0] * 10 + [1] * 20 + [0] * 10
    y_pred = [1] * 30 + [0] * 10 + [int(v) for v in rng.integers(0, 2, size=10)] + [1] * 10 + [0] * 10 + [int(v) for v in rng.integers(0, 2, size=10)]
    assert_numeric(item, _fairness(y_true, y_pred, groups)[1])
    gaps = solution("fairness-gaps", "fairness_gaps")(y_true=y_true, y_pred=y_pred, groups=groups)
    assert_numeric(item, gaps["equal_opportunity_difference"])


def verify_q10(item, rng):
    bump = solution("version-bump", "bump_version")
    assert choice_text(item) == bump(version="3.2.7", changes=["schema"])


def verify_q11(item, rng):
    n = sympy.Symbol("n", integer=True, positive=True)
    expr = sympy.sympify(item["answer"], locals={"n": n})
    score = solution("batch-scoring", "score_batches")
    for value in [1, 99, 100, 101, 250, 4999, 5000] + [int(v) for v in rng.integers(1, 5001, size=10)]:
        assert int(expr.subs(n, value)) == math.ceil(value / 100)
        if value <= 500:
            assert len(list(score(rows=[[0.0]] * value, weights=[1.0], bias=0.0, batch_size=100))) == int(expr.subs(n, value))


def verify_q12(item, rng):
    p, q = sympy.symbols("p q", positive=True)
    expr = sympy.sympify(item["answer"], locals={"p": p, "q": q, "log": sympy.log})
    for _ in range(20):
        a, b = (float(v) for v in rng.uniform(0.05, 0.95, size=2))
        value = float(expr.subs({p: a, q: b}))
        assert abs(value - _psi([a], [b])) < 1e-12 and value >= 0
        assert abs(value - float(expr.subs({p: b, q: a}))) < 1e-12  # symmetric, as the explanation says


def verify_q13(item, rng):
    assert not np.array_equal(np.random.default_rng().random(5), np.random.default_rng().random(5))
    assert np.array_equal(np.random.default_rng(7).random(5), np.random.default_rng(7).random(5))
    text = choice_text(item)
    assert all(word in text for word in ("commit", "seed", "fingerprint", "lock file"))


def verify_q14(item, rng):
    values = [0.3, 0.3, 0.1, 0.3, 0.3, 0.3, 0.3, 0.1, 0.3]
    breach = pd.Series(values) > 0.25
    runs = breach.astype(int).groupby((~breach).cumsum()).cumsum()
    assert_numeric(item, int((runs == 2).sum()))
    assert_numeric(item, len(solution("alert-rule", "alert_indices")(values=values, threshold=0.25, patience=2)))


def verify_q15(item, rng):
    from fastapi.testclient import TestClient

    app = solution("prediction-service", "create_app")(weights=[1.0, 2.0], bias=0.0, threshold=0.5, version="1.0.0")
    answer = TestClient(app).post("/predict", json={"features": [1.0]})
    assert answer.status_code == 422 and "422" in choice_text(item)


def verify_q16(item, rng):
    runs = [
        {"run_id": "r1", "started": 1000, "metrics": {"val_loss": 0.31}},
        {"run_id": "r2", "started": 900, "metrics": {"val_loss": 0.29}},
        {"run_id": "r3", "started": 800, "metrics": {"val_loss": 0.29}},
    ]
    assert choice_text(item) == solution("best-run", "best_run")(runs=runs, metric="val_loss", mode="min")


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}
