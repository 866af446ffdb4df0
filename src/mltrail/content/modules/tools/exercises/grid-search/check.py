from functools import lru_cache

import numpy as np
from sklearn.datasets import load_diabetes

from mltrail.grading.contract import hidden, labelled

GRID = [0.01, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0, 300.0, 1000.0]


@lru_cache(maxsize=None)
def _diabetes():
    return load_diabetes(return_X_y=True)


def _sample(rng):
    X, y = _diabetes()
    n = int(rng.integers(30, 200))
    rows = rng.choice(len(y), size=n, replace=False)
    d = int(rng.integers(2, 11))
    columns = np.sort(rng.choice(X.shape[1], size=d, replace=False))
    alphas = [float(a) for a in rng.choice(GRID, size=int(rng.integers(2, 6)), replace=False)]
    return {"X": X[np.ix_(rows, columns)].copy(), "y": y[rows].copy(), "alphas": alphas}


def cases(rng):
    X, y = _diabetes()
    yield labelled({"X": X[:150].copy(), "y": y[:150].copy(), "alphas": [0.1, 10.0, 100.0, 1000.0]}, "the worked example")
    yield labelled({"X": X[:60, [2, 3]].copy(), "y": y[:60].copy(), "alphas": [1000.0, 0.01]}, "a large alpha listed first")
    yield labelled({"X": X[100:130].copy(), "y": y[100:130].copy(), "alphas": [0.3, 3.0, 30.0, 300.0]}, "thirty rows, ten features")
    yield labelled({"X": X[::3].copy(), "y": y[::3].copy(), "alphas": [5.0]}, "a single candidate")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    if not isinstance(got, dict) or set(got) != {"alpha", "score"}:
        return "return a dict with exactly the keys 'alpha' and 'score'"
    alpha, score = got["alpha"], got["score"]
    if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in (alpha, score)):
        return "'alpha' and 'score' must be numbers (floats)"
    if alpha != expected["alpha"]:
        return f"expected alpha {expected['alpha']}, got {alpha}"
    if abs(score - expected["score"]) > 1e-9:
        return f"expected the mean R squared {expected['score']!r}, got {score!r}"
    return True
