import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng, long_documents):
    k, d = int(rng.integers(2, 5)), int(rng.integers(2, 12))
    n = int(rng.integers(k, 30))
    y = rng.integers(0, k, size=n)
    y[:k] = np.arange(k)
    labels = np.sort(rng.choice(np.arange(0, 20), size=k, replace=False))
    rates = rng.dirichlet(np.ones(d) * 0.7, size=k) * rng.uniform(3, 20)
    X = rng.poisson(rates[y])
    m = int(rng.integers(1, 8))
    test_class = rng.integers(0, k, size=m)
    scale = 200.0 if long_documents else 1.0
    X_test = rng.poisson(rates[test_class] * scale)
    return {"X_train": X, "y_train": labels[y], "X_test": X_test, "alpha": float(rng.choice([1.0, 0.5, 0.1, 2.0]))}


def cases(rng):
    X = np.array([[2, 1, 0], [1, 0, 0], [0, 1, 2], [0, 0, 3]])
    y = np.array([0, 0, 1, 1])
    yield labelled({"X_train": X, "y_train": y, "X_test": np.array([[1, 0, 1], [300, 0, 200]]), "alpha": 1.0}, "the worked example")
    yield labelled({"X_train": X, "y_train": y, "X_test": np.array([[0, 0, 0]]), "alpha": 1.0}, "an empty document: the priors")
    yield labelled({"X_train": X, "y_train": np.array([5, 5, 5, 2]), "X_test": np.array([[0, 1, 0], [1, 1, 1]]), "alpha": 1.0}, "unequal priors, labels 2 and 5")
    yield labelled({"X_train": X, "y_train": y, "X_test": np.array([[0, 0, 5000], [5000, 4000, 0]]), "alpha": 0.01}, "very long documents: log space is a must")
    yield labelled({"X_train": np.array([[3, 0], [0, 3], [1, 1]]), "y_train": np.array([0, 1, 2]), "X_test": np.array([[2, 2], [0, 1]]), "alpha": 0.5}, "three classes, one row each")
    for i in range(22):
        yield _problem(rng, long_documents=(i % 2 == 1))
    yield hidden(_problem(rng, long_documents=True))


def compare(expected, got, case):
    if not isinstance(got, np.ndarray) and type(got) is not list:
        return f"return a numpy array, not {type(got).__name__}"
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "return an array of floats"
    if got.shape != expected.shape:
        return f"expected an array of shape {expected.shape} (test rows x classes), got {got.shape}"
    if not np.all(np.isfinite(got)):
        return "your log-probabilities contain -inf or nan: normalise in log space with a log-sum-exp, never with exp"
    bad = np.abs(got - expected) > 1e-9 * np.abs(expected) + 1e-8
    if bad.any():
        i, j = (int(v) for v in np.argwhere(bad)[0])
        return f"row {i}, class {j}: expected {float(expected[i, j])!r}, got {float(got[i, j])!r}"
    return True
