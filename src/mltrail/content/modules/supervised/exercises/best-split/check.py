import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng):
    n, d, k = int(rng.integers(4, 40)), int(rng.integers(1, 5)), int(rng.integers(2, 5))
    y = rng.integers(0, k, size=n)
    y[:2] = [0, 1]
    columns = []
    for _ in range(d):
        if rng.random() < 0.4:  # a feature with few values: many rows share a value, and splits may tie
            columns.append(rng.integers(0, 4, size=n).astype(float))
        else:
            columns.append(np.round(rng.normal(0.0, 1.0, size=n) + 0.8 * y * rng.normal(), 3))
    X = np.column_stack(columns)
    if all(len(np.unique(c)) < 2 for c in columns):
        X[0, 0] += 1.0
    return {"X": X, "y": y, "criterion": str(rng.choice(["gini", "entropy"]))}


def cases(rng):
    X = np.array([[1.0, 5.0], [2.0, 3.0], [3.0, 4.0], [4.0, 1.0], [5.0, 2.0], [6.0, 0.5]])
    y = np.array([0, 0, 1, 1, 1, 0])
    yield labelled({"X": X, "y": y, "criterion": "gini"}, "the worked example, Gini")
    yield labelled({"X": X, "y": y, "criterion": "entropy"}, "the worked example, entropy")
    yield labelled({"X": np.array([[0.0, 7.0], [0.0, 3.0], [0.0, 5.0], [0.0, 1.0]]), "y": np.array([1, 0, 1, 0]), "criterion": "gini"}, "a constant feature cannot be split")
    yield labelled({"X": np.array([[1.0], [1.0], [2.0], [2.0], [2.0], [3.0]]), "y": np.array([0, 0, 1, 1, 0, 1]), "criterion": "gini"}, "repeated values: thresholds only between different values")
    yield labelled({"X": np.array([[3.0], [1.0], [2.0], [4.0], [6.0], [5.0]]), "y": np.array([2, 0, 0, 2, 1, 1]), "criterion": "entropy"}, "three classes, unsorted rows")
    yield labelled({"X": np.array([[1.0], [2.0], [3.0], [4.0], [5.0], [6.0], [7.0], [8.0]]), "y": np.array([0, 0, 0, 0, 0, 0, 1, 1]), "criterion": "gini"}, "the best split is not in the middle")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def _impurity(labels, criterion):
    if len(labels) == 0:
        return 0.0
    p = np.unique(labels, return_counts=True)[1] / len(labels)
    return float(1.0 - (p**2).sum()) if criterion == "gini" else float(-(p * np.log2(p)).sum())


def _score(X, y, criterion, feature, threshold):
    left = X[:, feature] <= threshold
    n = len(y)
    return float(left.sum() / n * _impurity(y[left], criterion) + (~left).sum() / n * _impurity(y[~left], criterion))


def compare(expected, got, case):
    if type(got) not in (tuple, list) or len(got) != 3:
        return "return a tuple (feature, threshold, impurity)"
    feature, threshold, impurity = got
    X, y, criterion = case.args["X"], case.args["y"], case.args["criterion"]
    if type(feature) is not int or not 0 <= feature < X.shape[1]:
        return f"the feature must be a column index, an int from 0 to {X.shape[1] - 1}; got {feature!r}"
    if type(threshold) not in (int, float) or type(impurity) not in (int, float):
        return "the threshold and the impurity must be floats"
    values = np.unique(X[:, feature])
    midpoints = (values[:-1] + values[1:]) / 2
    if not len(midpoints):
        return f"feature {feature} takes a single value: it cannot be split"
    nearest = float(midpoints[np.argmin(np.abs(midpoints - threshold))])
    # A threshold rounded to single precision (scikit-learn's trees work in float32) is accepted
    # when it is within 1e-6 of a midpoint and sends the same rows left.
    same_rows = np.array_equal(X[:, feature] <= threshold, X[:, feature] <= nearest)
    if abs(threshold - nearest) > 1e-6 * (1 + abs(nearest)) or not same_rows:
        return (f"{threshold!r} is not a candidate threshold of feature {feature}: use the midpoints between "
                f"consecutive different sorted values, here {midpoints.tolist()[:8]!r}")
    score = _score(X, y, criterion, feature, threshold)
    if not math.isclose(impurity, score, rel_tol=1e-9, abs_tol=1e-12):
        return f"the weighted impurity of the split you returned (feature {feature} at {threshold!r}) is {score!r}, not {impurity!r}"
    best = expected[2]
    if score > best + 1e-9:
        return f"a better split exists: feature {expected[0]} at {expected[1]!r} has weighted impurity {best!r}, yours {score!r}"
    return True
