import base64
import pickle
from functools import lru_cache

import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from mltrail.grading.contract import hidden, labelled


@lru_cache(maxsize=None)
def _iris():
    data = load_iris()
    return data.data, data.target_names[data.target]


def _saved(train, C=1.0):
    X, y = _iris()
    model = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=1000)).fit(X[train], y[train])
    return base64.b64encode(pickle.dumps(model)).decode("ascii")


@lru_cache(maxsize=None)
def _menu():
    """Twelve saved models, trained once: on different flowers and with different penalties."""
    rng = np.random.default_rng(2024)
    models = []
    for i in range(12):
        rows = np.sort(rng.permutation(150)[: int(rng.integers(15, 100))])
        models.append((_saved(rows, float(10 ** rng.uniform(-2, 1))), rows))
    return models


def _sample(rng):
    X, _ = _iris()
    model, rows = _menu()[int(rng.integers(0, 12))]
    unseen = np.setdiff1d(np.arange(150), rows)
    test = rng.choice(unseen, size=int(rng.integers(1, 25)), replace=False)
    return {"model_b64": model, "X": X[test].copy()}


def cases(rng):
    example = np.array([[5.1, 3.5, 1.4, 0.2], [6.4, 3.2, 4.5, 1.5], [6.3, 3.3, 6.0, 2.5]])
    model = make_pipeline(StandardScaler(), LogisticRegression()).fit(example, ["setosa", "versicolor", "virginica"])
    yield labelled({"model_b64": base64.b64encode(pickle.dumps(model)).decode("ascii"), "X": example[::-1].copy()}, "the worked example")
    X, _ = _iris()
    yield labelled({"model_b64": _saved(np.arange(0, 150, 2)), "X": X[1::10].copy()}, "trained on every other flower")
    yield labelled({"model_b64": _saved(np.arange(0, 150, 5), C=0.05), "X": X[[0, 60, 120, 75]].copy()}, "a strongly regularised model")
    yield labelled({"model_b64": _saved(np.arange(1, 150, 3)), "X": X[[100]].copy()}, "one flower")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    if not isinstance(got, (list, tuple, np.ndarray)):
        return f"return a list of species names, not {type(got).__name__}"
    got = list(got)
    if len(got) != len(expected):
        return f"expected {len(expected)} predictions (one per row of X), got {len(got)}"
    if not all(isinstance(v, str) for v in got):
        return "return the species names as strings ('setosa', 'versicolor', 'virginica')"
    if got != expected:
        wrong = next(i for i, (a, b) in enumerate(zip(expected, got)) if a != b)
        return f"row {wrong}: expected {expected[wrong]!r}, got {got[wrong]!r}"
    return True
