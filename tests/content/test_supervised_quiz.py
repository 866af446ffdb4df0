"""The supervised-learning quiz: its structure, and every answer checked by an independent computation.

Each item id has a verifier below that recomputes the answer from the item's own data with
scikit-learn, scipy or sympy (applied to the AUTHOR's answer string for the expression items),
or checks each claim of a choice item by a computation on random or bundled data. An item
without a verifier fails the suite, so a new item cannot slip in unchecked.
"""

from __future__ import annotations

import ast
import string
import tomllib
import warnings
from pathlib import Path

import numpy as np
import pytest
import scipy.optimize
import scipy.stats
import sympy
from sklearn.datasets import load_diabetes
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import Lasso, LogisticRegression, Ridge
from sklearn.metrics import f1_score, r2_score, roc_auc_score
from sklearn.model_selection import cross_val_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import make_pipeline
from sklearn.tree import DecisionTreeClassifier
from sklearn.utils.class_weight import compute_class_weight

MODULE = Path(__file__).resolve().parents[2] / "src" / "mltrail" / "content" / "modules" / "supervised"
QUIZ = MODULE / "exercises" / "quiz"

SPEC = tomllib.loads((QUIZ / "exercise.toml").read_text(encoding="utf-8"))
ITEMS = {item["id"]: item for item in SPEC["items"]}
MODULE_SKILLS = {skill["id"] for skill in tomllib.loads((MODULE / "module.toml").read_text(encoding="utf-8"))["skills"]}

FUNCTIONS = {"sqrt": sympy.sqrt, "exp": sympy.exp, "log": sympy.log, "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "abs": sympy.Abs}
CONSTANTS = {"pi": sympy.pi, "e": sympy.E}
ALLOWED_NODES = (
    ast.Expression, ast.BinOp, ast.UnaryOp, ast.Call, ast.Name, ast.Constant, ast.Load,
    ast.Add, ast.Sub, ast.Mult, ast.Div, ast.Pow, ast.USub, ast.UAdd,
)


def letter(index: int) -> str:
    return string.ascii_lowercase[index]


def letters_where(flags) -> list[str]:
    return [letter(i) for i, flag in enumerate(flags) if flag]


def symbols_of(item):
    return {name: sympy.Symbol(name, real=True) for name in item["variables"]}


def parse(item):
    return sympy.sympify(item["answer"], locals={**FUNCTIONS, **CONSTANTS, **symbols_of(item)})


def assert_numeric(item, value):
    assert abs(item["answer"] - value) <= item["tolerance"], (
        f"{item['id']}: stored answer {item['answer']}, independent computation {value}"
    )


def assert_same_function(item, expected, rng):
    """The author's expression equals `expected` symbolically and at random points of the domain."""
    got = parse(item)
    names = list(symbols_of(item).values())
    assert sympy.simplify(got - expected) == 0, f"{item['id']}: {item['answer']!r} is not {expected}"
    f = sympy.lambdify(names, got - expected, "math")
    low, high = item["domain"]
    for _ in range(20):
        assert abs(f(*[float(v) for v in rng.uniform(low, high, size=len(names))])) < 1e-9


# ---------------------------------------------------------------- structure


def test_quiz_header():
    assert SPEC["kind"] == "quiz"
    assert SPEC["title"].strip()
    assert 1 <= SPEC["difficulty"] <= 5
    assert SPEC["minutes"] > 0
    assert len(SPEC["hints"]) >= 2 and all(h.strip() for h in SPEC["hints"])
    assert set(SPEC["skills"]) == MODULE_SKILLS
    assert sorted(p.name for p in QUIZ.iterdir()) == ["exercise.toml", "prompt.md"]


def test_item_counts_and_ids():
    items = SPEC["items"]
    assert len(items) >= 8
    assert len(ITEMS) == len(items), "item ids must be unique"
    kinds = [item["kind"] for item in items]
    for kind in ("choice", "multiple", "numeric", "expression"):
        assert kinds.count(kind) >= 2, kind
    covered = {skill for item in items for skill in item.get("skills", [])}
    assert covered == MODULE_SKILLS, "every skill of the module is asked about"


@pytest.mark.parametrize("item", SPEC["items"], ids=lambda item: item["id"])
def test_item_is_well_formed(item):
    assert item["prompt"].strip()
    assert item["explanation"].strip()
    assert set(item.get("skills", [])) <= MODULE_SKILLS
    kind = item["kind"]
    if kind in ("choice", "multiple"):
        assert len(set(item["choices"])) == len(item["choices"]) >= 2
        valid = [letter(i) for i in range(len(item["choices"]))]
        if kind == "choice":
            assert item["answer"] in valid
        else:
            assert item["answer"] and len(set(item["answer"])) == len(item["answer"])
            assert set(item["answer"]) <= set(valid)
            assert len(item["answer"]) < len(valid), "at least one choice must be wrong"
    elif kind == "numeric":
        assert isinstance(item["answer"], (int, float)) and not isinstance(item["answer"], bool)
        assert item["tolerance"] >= 0
    elif kind == "expression":
        low, high = item["domain"]
        assert low < high and item["tolerance"] > 0
        tree = ast.parse(item["answer"], mode="eval")
        allowed = set(FUNCTIONS) | set(CONSTANTS) | set(item["variables"])
        for node in ast.walk(tree):
            assert isinstance(node, ALLOWED_NODES), f"{type(node).__name__} in {item['answer']!r}"
            if isinstance(node, ast.Name):
                assert node.id in allowed, node.id
        for name in item["variables"]:
            assert name in item["prompt"], f"variable {name} is not mentioned in the prompt"
    else:
        pytest.fail(f"unknown kind {kind}")


def test_every_item_has_a_verifier():
    assert set(ITEMS) == set(VERIFIERS)


@pytest.mark.parametrize("item_id", sorted(ITEMS, key=lambda i: int(i[1:])))
def test_answer_is_right(item_id):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        VERIFIERS[item_id](ITEMS[item_id], np.random.default_rng(70700 + int(item_id[1:])))


# ---------------------------------------------------------------- verifiers

NODE = np.array([0] * 6 + [1] * 2)  # q1, q2: 6 of class A, 2 of class B


def _root_impurity(criterion):
    X = np.arange(len(NODE), dtype=float).reshape(-1, 1)
    return float(DecisionTreeClassifier(max_depth=1, criterion=criterion).fit(X, NODE).tree_.impurity[0])


def verify_q1(item, rng):
    assert_numeric(item, _root_impurity("gini"))


def verify_q2(item, rng):
    assert_numeric(item, _root_impurity("entropy"))
    assert_numeric(item, scipy.stats.entropy([6, 2], base=2))


def verify_q3(item, rng):
    y_true = [1] * 40 + [0] * 10 + [1] * 20
    y_pred = [1] * 40 + [1] * 10 + [0] * 20  # 40 tp, 10 fp, 20 fn
    assert_numeric(item, f1_score(y_true, y_pred))


def verify_q4(item, rng):
    assert_numeric(item, roc_auc_score([0, 0, 1, 1, 1], [0.2, 0.6, 0.6, 0.8, 0.1]))


def verify_q5(item, rng):
    rho, alpha, z = -1.5, 0.5, 2.0
    # In w_j alone the lasso objective is z/2 w^2 - rho w + alpha |w| (plus a constant): minimise it directly.
    best = scipy.optimize.minimize_scalar(lambda w: z / 2 * w * w - rho * w + alpha * abs(w), bounds=(-10, 10),
                                          method="bounded", options={"xatol": 1e-12})
    assert abs(best.x - item["answer"]) < 1e-6
    # and scikit-learn's Lasso on a one-column problem with those statistics agrees
    n = 4
    x = np.array([1.0, -1.0, 1.0, -1.0]) * np.sqrt(z)  # (1/n) x.x = z
    y = x * rho / z  # (1/n) x.y = rho
    assert abs(Lasso(alpha=alpha, fit_intercept=False, tol=1e-12).fit(x[:, None], y).coef_[0] - item["answer"]) < 1e-9
    assert abs(x @ x / n - z) < 1e-12 and abs(x @ y / n - rho) < 1e-12


def verify_q6(item, rng):
    y = np.array([0] * 90 + [1] * 10)
    assert_numeric(item, compute_class_weight("balanced", classes=np.array([0, 1]), y=y)[1])


def verify_q7(item, rng):
    # Class 'spam' (1): 20 words over the first four words of a 5-word vocabulary; word 4 is 'meeting'.
    X = np.array([[5, 5, 5, 5, 0], [1, 0, 0, 0, 3]])
    model = MultinomialNB(alpha=1.0).fit(X, np.array([1, 0]))
    spam = list(model.classes_).index(1)
    assert_numeric(item, float(np.exp(model.feature_log_prob_[spam, 4])))


def verify_q8(item, rng):
    w, sxy, sxx, a = sympy.symbols("w sxy sxx a", positive=True)
    solution = sympy.solve(sympy.diff(sxx * w**2 - 2 * sxy * w + a * w**2, w), w)[0]  # expanded sum of squares
    names = symbols_of(item)
    assert_same_function(item, solution.subs({sxy: names["sxy"], sxx: names["sxx"], a: names["a"]}), rng)
    f = sympy.lambdify(list(names.values()), parse(item), "math")
    for _ in range(5):  # and scikit-learn's Ridge without intercept
        x, y, alpha = rng.normal(size=20), rng.normal(size=20), float(rng.uniform(0.5, 5))
        coef = Ridge(alpha=alpha, fit_intercept=False).fit(x[:, None], y).coef_[0]
        assert abs(f(float(x @ y), float(x @ x), alpha) - coef) < 1e-9


def verify_q9(item, rng):
    z = symbols_of(item)["z"]
    assert_same_function(item, sympy.diff(sympy.log(1 + sympy.exp(z)) - z, z), rng)


def verify_q10(item, rng):
    r = symbols_of(item)["r"]
    assert_same_function(item, 2 / r, rng)
    f = sympy.lambdify([r], parse(item), "math")
    for _ in range(5):  # the distance between two points on the margin lines along w
        w, b = rng.normal(size=3), float(rng.normal())
        norm = float(np.linalg.norm(w))
        upper, lower = (1 - b) * w / norm**2, (-1 - b) * w / norm**2
        assert abs(upper @ w + b - 1) < 1e-9 and abs(lower @ w + b + 1) < 1e-9
        assert abs(np.linalg.norm(upper - lower) - f(norm)) < 1e-9


def verify_q11(item, rng):
    X, y = load_diabetes(return_X_y=True)
    queries, pool = X[:40], np.arange(40, len(y))
    predictions = {1: [], 25: []}
    for _ in range(30):  # refit on bootstrap samples of the training data
        sample = rng.choice(pool, size=len(pool), replace=True)
        for k in predictions:
            predictions[k].append(KNeighborsRegressor(n_neighbors=k).fit(X[sample], y[sample]).predict(queries))
    variance = {k: float(np.var(np.array(p), axis=0).mean()) for k, p in predictions.items()}
    train = {k: float(np.mean((KNeighborsRegressor(n_neighbors=k).fit(X[pool], y[pool]).predict(X[pool]) - y[pool]) ** 2))
             for k in predictions}
    assert variance[1] > 2 * variance[25]  # higher variance
    assert train[1] < 1e-9 < train[25]  # and no bias left on the training data
    assert item["answer"] == "a"


def verify_q12(item, rng):
    noise, labels = rng.normal(size=(80, 1000)), rng.integers(0, 2, size=80)
    leaky = SelectKBest(f_classif, k=20).fit(noise, labels).transform(noise)
    leaky_score = cross_val_score(LogisticRegression(), leaky, labels, cv=5).mean()
    honest = cross_val_score(make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression()), noise, labels, cv=5).mean()
    assert leaky_score > honest + 0.15  # (c): selection outside the folds leaks
    X = rng.normal(size=(50, 2))
    folds = np.array_split(np.arange(50), 5)
    assert all(not np.allclose(X[np.setdiff1d(np.arange(50), f)].mean(axis=0), X.mean(axis=0)) for f in folds)  # (a)
    from sklearn.preprocessing import OneHotEncoder

    rows = np.array([["common"]] * 49 + [["rare"]], dtype=object)  # (b): categories are learnt from data
    fold_train = rows[:40]  # the last fold holds the only 'rare' row
    learnt = OneHotEncoder(handle_unknown="ignore").fit(fold_train).categories_[0].tolist()
    assert learnt == ["common"] and OneHotEncoder().fit(rows).categories_[0].tolist() == ["common", "rare"]
    assert sorted(item["answer"]) == ["a", "b", "c"]


def verify_q13(item, rng):
    y = rng.normal(size=30)
    for _ in range(10):
        pred = y.mean() + rng.normal(0, 2 * y.std(), size=30)
        score = r2_score(y, pred)
        if score < 0:
            ss_res, ss_tot = np.sum((y - pred) ** 2), np.sum((y - y.mean()) ** 2)
            assert ss_res > ss_tot  # (a)
    shifted = y + 3.0  # (d) is false: positively correlated predictions with a negative R^2
    assert np.corrcoef(y, shifted)[0, 1] > 0.99 and r2_score(y, shifted) < 0
    assert item["answer"] == "a"


def verify_q14(item, rng):
    X, y = load_diabetes(return_X_y=True)
    Xs = (X - X.mean(axis=0)) / X.std(axis=0)
    assert np.sum(Lasso(alpha=5.0).fit(Xs, y).coef_ == 0) >= 3 and np.all(Ridge(alpha=100.0).fit(Xs, y).coef_ != 0)  # (a)
    # Ridge weights can change sign as alpha grows (s1 and s2 here), so neither the choice nor the
    # explanation may say that ridge keeps the sign, or that only a zero least-squares weight is zeroed.
    assert np.any(np.sign(Ridge(alpha=1e-6).fit(Xs, y).coef_) != np.sign(Ridge(alpha=100.0).fit(Xs, y).coef_))
    assert "keeps the sign" not in item["explanation"] and "least-squares weight was already 0" not in item["choices"][0]
    # (b): rescaling a feature changes what the penalty does to the fit
    scaled = Xs.copy()
    scaled[:, 2] *= 100
    assert not np.allclose(Ridge(alpha=100.0).fit(Xs, y).predict(Xs), Ridge(alpha=100.0).fit(scaled, y).predict(scaled))
    wide = rng.normal(size=(5, 12))  # (c): invertible for every alpha > 0 though X^T X is singular
    assert np.linalg.matrix_rank(wide.T @ wide) < 12
    assert np.linalg.eigvalsh(wide.T @ wide + 0.01 * np.eye(12)).min() >= 0.01 - 1e-9
    # (d) is false: with an unpenalised intercept, shifting y moves only the intercept
    a, b = Ridge(alpha=10.0).fit(Xs, y), Ridge(alpha=10.0).fit(Xs, y + 1000.0)
    assert np.allclose(a.coef_, b.coef_) and abs(b.intercept_ - a.intercept_ - 1000.0) < 1e-6
    assert sorted(item["answer"]) == ["a", "b", "c"]


VERIFIERS = {name.removeprefix("verify_"): fn for name, fn in globals().items() if name.startswith("verify_q")}
