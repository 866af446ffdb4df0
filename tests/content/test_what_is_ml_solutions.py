"""Every function exercise of the what-is-ml module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python loops and dicts, numpy
vectorised code, collections.Counter, the standard library's statistics) are graded by the
real grader for seeds 0 and 1. A check that rejects one of them demands something the prompt does not state (a list where an array is allowed, one order of
indices, one floating-point path).
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "accuracy": {
        "numpy": """
            import numpy as np

            def accuracy(y_true, y_pred):
                return np.mean(np.asarray(y_true) == np.asarray(y_pred))
        """,
        "index-loop": """
            def accuracy(y_true, y_pred):
                right = 0
                for i in range(len(y_true)):
                    if y_true[i] == y_pred[i]:
                        right += 1
                return float(right) / len(y_true)
        """,
    },
    "majority-baseline": {
        "counter-sorted": """
            from collections import Counter

            def majority_baseline(y_train, y_test):
                counts = Counter(y_train)
                label = sorted(counts, key=lambda c: (-counts[c], c))[0]
                return y_test.count(label) / len(y_test)
        """,
        "numpy-unique": """
            import numpy as np

            def majority_baseline(y_train, y_test):
                classes, counts = np.unique(y_train, return_counts=True)
                label = classes[np.argmax(counts)]  # argmax takes the first, the smallest class
                return float(np.mean(np.asarray(y_test) == label))
        """,
    },
    "mean-baseline": {
        "numpy": """
            import numpy as np

            def mean_baseline_mse(y_train, y_test):
                y_test = np.asarray(y_test)
                return np.mean((y_test - np.mean(y_train)) ** 2)
        """,
        "statistics": """
            import statistics

            def mean_baseline_mse(y_train, y_test):
                m = statistics.fmean(y_train)
                # MSE = variance of the test targets + squared distance of their mean to m
                return statistics.pvariance(y_test) + (statistics.fmean(y_test) - m) ** 2
        """,
    },
    "train-test-split": {
        "numpy-sorted": """
            import math
            import numpy as np

            def train_test_indices(permutation, test_percent):
                p = np.asarray(permutation)
                n_test = math.ceil(len(p) * test_percent / 100)
                return np.sort(p[: len(p) - n_test]), np.sort(p[len(p) - n_test:])
        """,
        "loop-reversed": """
            def train_test_indices(permutation, test_percent):
                n = len(permutation)
                n_test = (n * test_percent + 99) // 100
                train, test = [], []
                for position, index in enumerate(permutation):
                    (test if position >= n - n_test else train).append(index)
                return list(reversed(train)), test
        """,
    },
    "stratified-split": {
        "numpy-masks": """
            import math
            import numpy as np

            def stratified_indices(labels, permutation, test_percent):
                labels, order = np.asarray(labels), np.asarray(permutation)
                train, test = [], []
                for c in np.unique(labels):
                    rows = order[labels[order] == c]
                    k = math.ceil(len(rows) * test_percent / 100)
                    train.append(rows[: len(rows) - k])
                    test.append(rows[len(rows) - k:])
                return np.concatenate(train), np.concatenate(test)
        """,
        "reversed-walk": """
            def stratified_indices(labels, permutation, test_percent):
                # walk the permutation backwards: the first rows met of each class are its last ones
                total = {}
                for c in labels:
                    total[c] = total.get(c, 0) + 1
                quota = {c: -(-n * test_percent // 100) for c, n in total.items()}
                train, test = [], []
                for i in reversed(permutation):
                    c = labels[i]
                    if quota[c] > 0:
                        test.append(i)
                        quota[c] -= 1
                    else:
                        train.append(i)
                return tuple(train), tuple(test)
        """,
    },
    "class-centroids": {
        "dict-sums": """
            def class_centroids(X, y):
                sums, counts = {}, {}
                for row, label in zip(X, y):
                    if label not in sums:
                        sums[label], counts[label] = [0.0] * len(row), 0
                    sums[label] = [a + b for a, b in zip(sums[label], row)]
                    counts[label] += 1
                return [[v / counts[c] for v in sums[c]] for c in sorted(sums)]
        """,
        "numpy-onehot": """
            import numpy as np

            def class_centroids(X, y):
                X = np.asarray(X, dtype=float)
                classes, inverse = np.unique(y, return_inverse=True)
                onehot = np.eye(len(classes))[inverse]           # n x k
                return (onehot.T @ X) / onehot.sum(axis=0)[:, None]
        """,
        "list-of-row-means": """
            import numpy as np

            def class_centroids(X, y):
                X, y = np.asarray(X, dtype=float), np.asarray(y)
                return [X[y == c].mean(axis=0) for c in sorted(set(y.tolist()))]
        """,
    },
    "nearest-centroid": {
        "loops-math-dist": """
            import math

            def nearest_centroid_predict(X_train, y_train, X_test):
                classes = sorted(set(y_train))
                centroids = []
                for c in classes:
                    rows = [r for r, label in zip(X_train, y_train) if label == c]
                    centroids.append([sum(col) / len(rows) for col in zip(*rows)])
                out = []
                for x in X_test:
                    d = [math.dist(x, m) for m in centroids]
                    out.append(classes[d.index(min(d))])
                return out
        """,
        "numpy-norm": """
            import numpy as np

            def nearest_centroid_predict(X_train, y_train, X_test):
                X, y, T = np.asarray(X_train, float), np.asarray(y_train), np.asarray(X_test, float)
                classes = np.unique(y)
                C = np.stack([X[y == c].mean(axis=0) for c in classes])
                D = np.linalg.norm(T[:, None, :] - C[None, :, :], axis=2)
                return classes[np.argmin(D, axis=1)]
        """,
    },
    "nearest-neighbour": {
        "loops-min": """
            def one_nn_predict(X_train, y_train, X_test):
                out = []
                for x in X_test:
                    best, label = None, None
                    for row, y in zip(X_train, y_train):
                        d = sum((a - b) ** 2 for a, b in zip(x, row))
                        if best is None or d < best:   # strict: the earliest row keeps a tie
                            best, label = d, y
                    out.append(label)
                return out
        """,
        "numpy-per-row": """
            import numpy as np

            def one_nn_predict(X_train, y_train, X_test):
                X, T = np.asarray(X_train, float), np.asarray(X_test, float)
                # the difference form keeps exact ties exact
                D = np.stack([((X - t) ** 2).sum(axis=1) for t in T])
                return np.asarray(y_train)[D.argmin(axis=1)]
        """,
    },
    "zero-or-one": {
        "loops": """
            def zero_or_one(images):
                out = []
                for image in images:
                    centre = sum(image[r][c] for r in range(2, 6) for c in range(3, 5)) / 8
                    whole = sum(sum(row) for row in image) / 64
                    out.append(1 if centre > whole else 0)
                return out
        """,
        "numpy-means": """
            import numpy as np

            def zero_or_one(images):
                A = np.asarray(images, dtype=float)
                return (A[:, 2:6, 3:5].mean(axis=(1, 2)) > A.mean(axis=(1, 2))).astype(int)
        """,
    },
    "learning-curve": {
        "plain-python": """
            def _fit(X, y):
                groups = {}
                for row, c in zip(X, y):
                    groups.setdefault(c, []).append(row)
                return {c: [sum(col) / len(rows) for col in zip(*rows)] for c, rows in groups.items()}

            def _predict(centroids, x):
                return min(sorted(centroids), key=lambda c: sum((a - b) ** 2 for a, b in zip(x, centroids[c])))

            def learning_curve_points(X_train, y_train, X_val, y_val, sizes):
                train, validation = [], []
                for m in sizes:
                    model = _fit(X_train[:m], y_train[:m])
                    train.append(sum(_predict(model, x) == y for x, y in zip(X_train[:m], y_train[:m])) / m)
                    validation.append(sum(_predict(model, x) == y for x, y in zip(X_val, y_val)) / len(y_val))
                return {"train": train, "validation": validation}
        """,
        "numpy-arrays": """
            import numpy as np

            def learning_curve_points(X_train, y_train, X_val, y_val, sizes):
                X, y = np.asarray(X_train, float), np.asarray(y_train)
                V, w = np.asarray(X_val, float), np.asarray(y_val)
                scores = np.zeros((2, len(sizes)))
                for j, m in enumerate(sizes):
                    classes = np.unique(y[:m])
                    C = np.array([X[:m][y[:m] == c].mean(axis=0) for c in classes])
                    for i, (A, t) in enumerate([(X[:m], y[:m]), (V, w)]):
                        p = classes[np.argmin(((A[:, None] - C[None]) ** 2).sum(-1), axis=1)]
                        scores[i, j] = np.mean(p == t)
                return {"train": scores[0], "validation": scores[1]}
        """,
    },
    "polynomial-features": {
        "numpy-vander": """
            import numpy as np

            def polynomial_features(x, degree):
                return np.vander(np.asarray(x, dtype=float), degree + 1, increasing=True)
        """,
        "running-product": """
            def polynomial_features(x, degree):
                rows = []
                for v in x:
                    row, power = [], 1.0
                    for _ in range(degree + 1):
                        row.append(power)
                        power *= v
                    rows.append(row)
                return rows
        """,
        "list-of-power-rows": """
            import numpy as np

            def polynomial_features(x, degree):
                return [np.asarray(v, dtype=float) ** np.arange(degree + 1) for v in x]
        """,
    },
    "error-by-degree": {
        "polyfit": """
            import numpy as np

            def mse_by_degree(x_train, y_train, x_test, y_test, max_degree):
                out = {"train": [], "test": []}
                for d in range(max_degree + 1):
                    c = np.polyfit(x_train, y_train, d)
                    out["train"].append(float(np.mean((np.polyval(c, x_train) - y_train) ** 2)))
                    out["test"].append(float(np.mean((np.polyval(c, x_test) - y_test) ** 2)))
                return out
        """,
        "qr-normal": """
            import numpy as np

            def mse_by_degree(x_train, y_train, x_test, y_test, max_degree):
                xt, yt = np.asarray(x_train, float), np.asarray(y_train, float)
                xs, ys = np.asarray(x_test, float), np.asarray(y_test, float)
                train, test = [], []
                for d in range(max_degree + 1):
                    V = np.column_stack([xt ** p for p in range(d + 1)])
                    Q, R = np.linalg.qr(V)
                    w = np.linalg.solve(R, Q.T @ yt)
                    W = np.column_stack([xs ** p for p in range(d + 1)])
                    train.append(np.mean((V @ w - yt) ** 2))
                    test.append(np.mean((W @ w - ys) ** 2))
                return {"train": np.array(train), "test": np.array(test)}
        """,
    },
    "select-degree": {
        "polyfit": """
            import numpy as np

            def select_degree(x_train, y_train, x_val, y_val, x_test, y_test, max_degree):
                fits = [np.polyfit(x_train, y_train, d) for d in range(max_degree + 1)]
                val = [np.mean((np.polyval(c, x_val) - np.asarray(y_val)) ** 2) for c in fits]
                best = min(val)
                degree = min(d for d in range(len(val)) if val[d] <= best + 1e-9)
                c = fits[degree]
                return {"degree": degree, "test_mse": float(np.mean((np.polyval(c, x_test) - np.asarray(y_test)) ** 2))}
        """,
        "scipy-lstsq": """
            import numpy as np
            import scipy.linalg

            def _design(x, d):
                return np.asarray(x, float)[:, None] ** np.arange(d + 1)

            def select_degree(x_train, y_train, x_val, y_val, x_test, y_test, max_degree):
                chosen, best = None, None
                errors = []
                for d in range(max_degree + 1):
                    w = scipy.linalg.lstsq(_design(x_train, d), np.asarray(y_train, float))[0]
                    errors.append((np.mean((_design(x_val, d) @ w - y_val) ** 2), d, w))
                best = min(e for e, _, _ in errors)
                _, d, w = next(t for t in errors if t[0] <= best + 1e-9)
                return {"degree": int(d), "test_mse": float(np.mean((_design(x_test, d) @ w - y_test) ** 2))}
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("what-is-ml")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"what-is-ml/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


# The library shortcuts these exercises forbid: each would be right, and is refused before it runs.
SHORTCUTS = {
    "nearest-neighbour": ("sklearn.neighbors", """
        from sklearn.neighbors import KNeighborsClassifier

        def one_nn_predict(X_train, y_train, X_test):
            return KNeighborsClassifier(n_neighbors=1).fit(X_train, y_train).predict(X_test)
    """),
    "class-centroids": ("pandas", """
        import pandas as pd

        def class_centroids(X, y):
            return pd.DataFrame(X).groupby(list(y)).mean().sort_index().to_numpy()
    """),
    "nearest-centroid": ("sklearn.neighbors", """
        from sklearn import neighbors

        def nearest_centroid_predict(X_train, y_train, X_test):
            return neighbors.NearestCentroid().fit(X_train, y_train).predict(X_test)
    """),
}


@pytest.mark.parametrize("slug", sorted(SHORTCUTS))
def test_the_forbidden_library_shortcut_fails(slug):
    name, code = SHORTCUTS[slug]
    verdict = grade_source(CURRICULUM.exercise(f"what-is-ml/{slug}"), textwrap.dedent(code), seed=0)
    assert verdict.status == "failed", verdict.message
    assert f"uses `{name}`" in verdict.message, verdict.message
