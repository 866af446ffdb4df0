"""The tools quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer by running what the item
describes: numpy broadcasting and masks, seeded generators, pandas groupby, merge, .loc and
resample, a counted GridSearchCV, the bars' apparent ratios. Items about judgement (which plot
misleads, which split leaks, which file is safe to load, which tool fits) are checked by
computing the fact each one rests on. An item without a verifier fails the suite.
"""

from __future__ import annotations

import pickle
import string
import tomllib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import sympy

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "tools"
QUIZ = MODULE / "exercises" / "quiz"
SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}


@pytest.fixture(autouse=True)
def _content_graded_in_a_warm_pool():
    """Nothing here goes through the grader: no zygote pool is needed (overrides tests/conftest.py)."""
    yield


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def choice_index(item) -> int:
    return string.ascii_lowercase.index(item["answer"])


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], f"{item['id']}: stored {item['answer']}, computed {value}"


def assert_expression(item, function):
    symbols = {name: sympy.Symbol(name, integer=True, positive=True) for name in item["variables"]}
    stored = sympy.sympify(item["answer"], locals=symbols)
    low, high = item["domain"]
    for values in np.random.default_rng(0).integers(int(low), int(high) + 1, size=(20, len(symbols))):
        point = dict(zip(item["variables"], (int(v) for v in values)))
        assert float(stored.subs({symbols[k]: v for k, v in point.items()})) == function(**point), item["id"]


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz" and SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5 and SPEC["minutes"] > 0
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) <= MODULE_SKILLS


def test_items_are_well_formed_and_varied():
    assert len(ITEMS) >= 10
    kinds = {item["kind"] for item in ITEMS.values()}
    assert {"choice", "numeric", "expression"} <= kinds
    for item in ITEMS.values():
        assert item["explanation"].strip() and item["prompt"].strip()
        assert set(item.get("skills", [])) <= MODULE_SKILLS
        if item["kind"] == "choice":
            assert item["answer"] in string.ascii_lowercase[: len(item["choices"])]
    assert set(VERIFIERS) == set(ITEMS), "every item has a verifier"


# ---------------------------------------------------------------- verifiers


def v_q1(item):
    shape = (np.ones((8, 1, 6)) + np.ones((7, 1))).shape
    assert item["choices"][choice_index(item)] == str(shape)


def v_q2(item):
    X = np.arange(400.0).reshape(100, 4)
    expressions = [
        lambda: X - X.mean(axis=0),
        lambda: X - X.mean(axis=1),
        lambda: X - X.mean(axis=1, keepdims=True),
        lambda: X / X.std(axis=0)[:, None],
    ]
    works = []
    for expression in expressions:
        try:
            expression()
            works.append(True)
        except ValueError:
            works.append(False)
    assert sorted(item["answer"]) == [letter(i) for i, ok in enumerate(works) if ok]


def v_q3(item):
    assert_expression(item, lambda n, m: (np.ones((n, 1)) + np.ones(m)).size)


def v_q4(item):
    A = np.arange(12).reshape(3, 4)
    assert_numeric(item, int(A[A % 4 == 1].sum()))


def v_q5(item):
    a = np.random.default_rng(7).integers(0, 10, size=(2, 3))
    b = np.random.default_rng(7).integers(0, 10, size=(3, 2))
    assert np.array_equal(a.ravel(), b.ravel())
    assert choice_index(item) == 0
    assert not np.array_equal(a.T, b)


def _frame():
    return pd.DataFrame({"g": ["a", "b", "a", "b", "a"], "v": [1.0, 2.0, None, 4.0, 5.0]})


def v_q6(item):
    assert_numeric(item, float(_frame().groupby("g")["v"].mean()["a"]))


def v_q7(item):
    df = _frame()
    assert_numeric(item, int(df.groupby("g")["v"].count()["a"]) - int(df.groupby("g").size()["a"]))


def v_q8(item):
    left = pd.DataFrame({"k": [1, 2, 3, 4]})
    right = pd.DataFrame({"k": [1, 1, 2, 5], "x": [10, 11, 12, 13]})
    assert_numeric(item, len(left.merge(right, on="k", how="left")))


def v_q9(item):
    df = pd.DataFrame({"v": range(10)})
    assert_numeric(item, len(df.loc[2:5]))
    assert len(df.iloc[2:5]) == 3


def v_q10(item):
    days = pd.date_range("1973-05-01", periods=10, freq="D")
    first = pd.Series(range(10), index=days).resample("W").mean().index[0]
    assert days[0].day_name() == "Tuesday"
    assert item["choices"][choice_index(item)].startswith(first.strftime("%Y-%m-%d"))


def v_q11(item):
    above = np.array([0.91, 0.92, 0.93]) - 0.9
    assert round(float(above[2] / above[0]), 6) == 3.0  # the third bar looks three times as long
    assert round(float(0.93 / 0.91), 2) == 1.02  # while the values differ by about 2 %
    assert choice_index(item) == 1


def v_q12(item):
    from sklearn.preprocessing import StandardScaler

    X = np.arange(20.0).reshape(10, 2)
    train = X[:7]
    on_all = StandardScaler().fit(X).mean_
    on_train = StandardScaler().fit(train).mean_
    assert not np.allclose(on_all, on_train)  # fitting on every row uses the test rows' values
    assert choice_index(item) == 0


def _count_fits(grid, cv):
    from sklearn.base import BaseEstimator, RegressorMixin

    calls = []

    class Counting(RegressorMixin, BaseEstimator):
        def __init__(self, alpha=1.0, fit_intercept=True):
            self.alpha = alpha
            self.fit_intercept = fit_intercept

        def fit(self, X, y):
            calls.append(1)
            self.mean_ = float(np.mean(y))
            return self

        def predict(self, X):
            return np.full(len(X), self.mean_)

    from sklearn.model_selection import GridSearchCV

    X, y = np.arange(60.0).reshape(30, 2), np.arange(30.0)
    GridSearchCV(Counting(), grid, cv=cv, n_jobs=1).fit(X, y)
    return len(calls)


def v_q13(item):
    assert_numeric(item, _count_fits({"alpha": [0.1, 1, 10], "fit_intercept": [True, False]}, cv=5))


def v_q14(item):
    assert_expression(item, lambda c, k: c * k + 1)
    assert _count_fits({"alpha": [0.1, 1, 10, 100]}, cv=3) == 4 * 3 + 1


class _Runs:
    """An object whose unpickling calls a function of the author's choice."""

    def __reduce__(self):
        return (print, ("code ran while loading",))


def v_q15(item):
    import io
    from contextlib import redirect_stdout

    out = io.StringIO()
    with redirect_stdout(out):
        pickle.loads(pickle.dumps(_Runs()))
    assert "code ran while loading" in out.getvalue()
    assert choice_index(item) == 1


def v_q16(item):
    orders = pd.DataFrame({"customer": [1, 2, 1, 3], "amount": [10.0, 5.0, 7.0, 2.0]})
    customers = pd.DataFrame({"customer": [1, 2, 3], "country": ["FR", "DE", "FR"]})
    totals = orders.merge(customers, on="customer").groupby("country")["amount"].sum().to_dict()
    assert totals == {"DE": 5.0, "FR": 19.0}
    assert "pandas" in item["choices"][choice_index(item)]


VERIFIERS = {name[2:]: function for name, function in globals().items() if name.startswith("v_q")}


@pytest.mark.parametrize("item_id", sorted(ITEMS))
def test_answer_recomputed(item_id):
    VERIFIERS[item_id](ITEMS[item_id])
