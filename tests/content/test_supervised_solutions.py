"""Every function exercise of the supervised module accepts correct solutions in other styles.

For each exercise, two independent correct solutions (plain Python loops, numpy vectorised
code, scipy helpers, other algorithms that reach the same answer: normal equations instead of
lstsq, the SVD instead of a linear solve, accelerated gradient instead of Newton's method, a sweep over
thresholds instead of rank sums) are graded by the real grader for seeds 0 and 1. The
scikit-learn answers themselves are checked in-process by test_supervised_references.py
(importing scikit-learn's submodules in every sandboxed job would make this file slow). A check that rejects one of them has a
tolerance tied to the reference's floating-point path rather than to the problem, or demands
something the prompt does not state.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "normal-equation": {
        "normal-equations-solve": """
            import numpy as np

            def fit_linear_regression(X, y):
                A = np.hstack([np.ones((len(X), 1)), X])
                theta = np.linalg.solve(A.T @ A, A.T @ y)
                return float(theta[0]), list(theta[1:])
        """,
        "centred-pinv": """
            import numpy as np

            def fit_linear_regression(X, y):
                xm, ym = X.mean(axis=0), y.mean()
                w = np.linalg.pinv(X - xm) @ (y - ym)
                return (float(ym - xm @ w), w)
        """,
    },
    "regression-gradient-descent": {
        "stacked-theta": """
            import numpy as np

            def linear_regression_gd(X, y, learning_rate, tol):
                A = np.column_stack([np.ones(len(y)), X])
                theta = np.zeros(A.shape[1])
                g = 2 * A.T @ (A @ theta - y) / len(y)
                while np.linalg.norm(g) > tol:
                    theta = theta - learning_rate * g
                    g = 2 * A.T @ (A @ theta - y) / len(y)
                return float(theta[0]), theta[1:]
        """,
        "plain-loops": """
            def linear_regression_gd(X, y, learning_rate, tol):
                X = [list(map(float, row)) for row in X]
                y = [float(v) for v in y]
                n, d = len(X), len(X[0])
                b, w = 0.0, [0.0] * d
                while True:
                    r = [b + sum(wj * xj for wj, xj in zip(w, row)) - t for row, t in zip(X, y)]
                    gb = 2 * sum(r) / n
                    gw = [2 * sum(r[i] * X[i][j] for i in range(n)) / n for j in range(d)]
                    if (gb * gb + sum(g * g for g in gw)) ** 0.5 <= tol:
                        return b, w
                    b -= learning_rate * gb
                    w = [wj - learning_rate * g for wj, g in zip(w, gw)]
        """,
    },
    "ridge-regression": {
        "penalty-matrix": """
            import numpy as np

            def ridge_regression(X, y, alpha):
                A = np.column_stack([np.ones(len(y)), X])
                P = alpha * np.eye(A.shape[1])
                P[0, 0] = 0.0  # the intercept is not penalised
                theta = np.linalg.solve(A.T @ A + P, A.T @ y)
                return float(theta[0]), theta[1:]
        """,
        "svd-shrinkage": """
            import numpy as np

            def ridge_regression(X, y, alpha):
                xm, ym = X.mean(axis=0), y.mean()
                U, s, Vt = np.linalg.svd(X - xm, full_matrices=False)
                # Ridge shrinks each singular direction by s / (s^2 + alpha).
                w = Vt.T @ (s / (s**2 + alpha) * (U.T @ (y - ym)))
                return float(ym - xm @ w), w.tolist()
        """,
    },
    "lasso-coordinate-descent": {
        "recomputed-residual": """
            import numpy as np

            def lasso_coordinate_descent(X, y, alpha, sweeps):
                n, d = X.shape
                w = np.zeros(d)
                for _ in range(sweeps):
                    for j in range(d):
                        partial = y - X @ w + X[:, j] * w[j]
                        rho = X[:, j] @ partial / n
                        z = X[:, j] @ X[:, j] / n
                        if rho > alpha:
                            w[j] = (rho - alpha) / z
                        elif rho < -alpha:
                            w[j] = (rho + alpha) / z
                        else:
                            w[j] = 0.0
                return w
        """,
        "plain-python": """
            def lasso_coordinate_descent(X, y, alpha, sweeps):
                rows = X.tolist()
                n, d = len(rows), len(rows[0])
                w = [0.0] * d
                r = [float(v) for v in y]
                for _ in range(sweeps):
                    for j in range(d):
                        col = [row[j] for row in rows]
                        rho = sum(c * (ri + c * w[j]) for c, ri in zip(col, r)) / n
                        z = sum(c * c for c in col) / n
                        new = max(abs(rho) - alpha, 0.0) / z * (1 if rho > 0 else -1)
                        r = [ri + c * (w[j] - new) for c, ri in zip(col, r)]
                        w[j] = new
                return w
        """,
    },
    "logistic-loss-gradient": {
        "branches": """
            import math

            def logistic_loss_gradient(X, y, w, b):
                n, d = len(y), len(w)
                loss, gw, gb = 0.0, [0.0] * d, 0.0
                for row, label in zip(X, y):
                    z = sum(a * c for a, c in zip(row, w)) + b
                    # log(1 + e^z) without overflow, on either side of 0
                    softplus = z + math.log1p(math.exp(-z)) if z > 0 else math.log1p(math.exp(z))
                    loss += softplus - label * z
                    p = 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))
                    for j in range(d):
                        gw[j] += (p - label) * row[j] / n
                    gb += (p - label) / n
                return loss / n, gw, gb
        """,
        "scipy-log-expit": """
            import numpy as np
            from scipy.special import expit, log_expit

            def logistic_loss_gradient(X, y, w, b):
                z = X @ w + b
                loss = -np.mean(y * log_expit(z) + (1 - y) * log_expit(-z))
                e = expit(z) - y
                return float(loss), X.T @ e / len(y), float(np.mean(e))
        """,
    },
    "softmax-regression": {
        "gradient-descent": """
            import numpy as np

            class SoftmaxRegression:
                def __init__(self, lam):
                    self.lam = lam

                def _proba(self, X):
                    Z = X @ self.W + self.b
                    P = np.exp(Z - Z.max(axis=1, keepdims=True))
                    return P / P.sum(axis=1, keepdims=True)

                def fit(self, X, y):
                    n, d = X.shape
                    k = int(y.max()) + 1
                    Y = np.eye(k)[y]
                    A = np.column_stack([np.ones(n), X])
                    step = 1.0 / (0.5 * np.linalg.eigvalsh(A.T @ A / n).max() + self.lam)
                    self.W, self.b = np.zeros((d, k)), np.zeros(k)
                    while True:
                        G = (self._proba(X) - Y) / n
                        gW, gb = X.T @ G + self.lam * self.W, G.sum(axis=0)
                        if np.sqrt((gW**2).sum() + (gb**2).sum()) <= 1e-7:
                            return self
                        self.W -= step * gW
                        self.b -= step * gb

                def predict_proba(self, X):
                    return self._proba(np.asarray(X, dtype=float))
        """,
        "nesterov-restart": """
            import numpy as np
            from scipy.special import softmax

            class SoftmaxRegression:
                def __init__(self, lam):
                    self.lam = lam

                def fit(self, X, y):
                    # accelerated gradient on one stacked matrix (intercept as the last row), with
                    # momentum restarted whenever it points uphill
                    n, d = X.shape
                    k = int(max(y)) + 1
                    Y = np.zeros((n, k))
                    Y[np.arange(n), y] = 1.0
                    A = np.hstack([X, np.ones((n, 1))])
                    penalty = np.ones((d + 1, 1))
                    penalty[d] = 0.0
                    L = 0.5 * np.linalg.norm(A, 2) ** 2 / n + self.lam

                    def grad(T):
                        return A.T @ (softmax(A @ T, axis=1) - Y) / n + self.lam * penalty * T

                    T = np.zeros((d + 1, k))
                    V, t = T.copy(), 1.0
                    while np.linalg.norm(grad(T)) > 1e-7:
                        gV = grad(V)
                        T_new = V - gV / L
                        t_new = (1 + np.sqrt(1 + 4 * t * t)) / 2
                        if np.sum(gV * (T_new - T)) > 0:
                            V, t_new = T_new, 1.0
                        else:
                            V = T_new + (t - 1) / t_new * (T_new - T)
                        T, t = T_new, t_new
                    self.W, self.b = T[:d], T[d]
                    return self

                def predict_proba(self, X):
                    return softmax(np.asarray(X, dtype=float) @ self.W + self.b, axis=1)
        """,
    },
    "hinge-loss": {
        "loops": """
            def svm_objective(X, y, w, b, lam):
                n, d = len(y), len(w)
                value = lam / 2 * sum(v * v for v in w)
                gw = [lam * v for v in w]
                gb = 0.0
                for row, label in zip(X, y):
                    m = label * (sum(a * c for a, c in zip(row, w)) + b)
                    if m < 1:
                        value += (1 - m) / n
                        for j in range(d):
                            gw[j] -= label * row[j] / n
                        gb -= label / n
                return value, gw, gb
        """,
        "numpy-where": """
            import numpy as np

            def svm_objective(X, y, w, b, lam):
                m = y * (X @ w + b)
                coef = np.where(m < 1, -y, 0.0) / len(y)
                value = 0.5 * lam * np.dot(w, w) + np.sum(np.clip(1 - m, 0, None)) / len(y)
                return float(value), lam * w + coef @ X, float(coef.sum())
        """,
    },
    "knn-classifier": {
        "numpy-bincount": """
            import numpy as np

            class KNNClassifier:
                def __init__(self, k):
                    self.k = k

                def fit(self, X, y):
                    self.X, self.y = X, np.asarray(y)
                    self.low = int(self.y.min())
                    return self

                def predict(self, X):
                    out = np.empty(len(X), dtype=int)
                    for i, q in enumerate(X):
                        nearest = np.argpartition(np.linalg.norm(self.X - q, axis=1), self.k - 1)[: self.k]
                        out[i] = np.bincount(self.y[nearest] - self.low).argmax() + self.low
                    return out
        """,
        "loops-counter": """
            import math
            from collections import Counter

            class KNNClassifier:
                def __init__(self, k):
                    self.k = k

                def fit(self, X, y):
                    self.points = [list(map(float, row)) for row in X]
                    self.labels = [int(v) for v in y]
                    return self

                def predict(self, X):
                    out = []
                    for q in X:
                        ranked = sorted(range(len(self.points)), key=lambda i: math.dist(q, self.points[i]))
                        votes = Counter(self.labels[i] for i in ranked[: self.k])
                        top = max(votes.values())
                        out.append(min(label for label, count in votes.items() if count == top))
                    return out
        """,
    },
    "best-split": {
        "loops": """
            import math

            def impurity(labels, criterion):
                n = len(labels)
                if n == 0:
                    return 0.0
                shares = [labels.count(c) / n for c in set(labels)]
                if criterion == "gini":
                    return 1.0 - sum(p * p for p in shares)
                return -sum(p * math.log2(p) for p in shares)

            def best_split(X, y, criterion):
                rows, labels = X.tolist(), [int(v) for v in y]
                n = len(labels)
                best = None
                for j in range(len(rows[0])):
                    values = sorted(set(row[j] for row in rows))
                    for a, b in zip(values, values[1:]):
                        t = (a + b) / 2
                        left = [l for row, l in zip(rows, labels) if row[j] <= t]
                        right = [l for row, l in zip(rows, labels) if row[j] > t]
                        score = len(left) / n * impurity(left, criterion) + len(right) / n * impurity(right, criterion)
                        if best is None or score < best[2]:
                            best = (j, t, score)
                return best
        """,
        "vectorised-thresholds": """
            import numpy as np

            def best_split(X, y, criterion):
                classes = np.unique(y)
                best = (None, None, np.inf)
                for j in range(X.shape[1]):
                    v = np.unique(X[:, j])
                    t = (v[:-1] + v[1:]) / 2
                    if len(t) == 0:
                        continue
                    left = X[:, j][None, :] <= t[:, None]               # (thresholds, rows)
                    onehot = (y[:, None] == classes[None, :]).astype(float)
                    cl, cr = left @ onehot, (~left) @ onehot              # class counts per side
                    nl, nr = cl.sum(axis=1), cr.sum(axis=1)
                    pl, pr = cl / nl[:, None], cr / nr[:, None]
                    if criterion == "gini":
                        il, ir = 1 - (pl**2).sum(axis=1), 1 - (pr**2).sum(axis=1)
                    else:
                        with np.errstate(divide="ignore", invalid="ignore"):
                            il = -np.nansum(pl * np.log2(pl), axis=1)
                            ir = -np.nansum(pr * np.log2(pr), axis=1)
                    score = (nl * il + nr * ir) / len(y)
                    i = int(np.argmin(score))
                    if score[i] < best[2]:
                        best = (j, float(t[i]), float(score[i]))
                return best
        """,
    },
    "naive-bayes": {
        "plain-python": """
            import math

            def naive_bayes_log_proba(X_train, y_train, X_test, alpha):
                train, labels = X_train.tolist(), y_train.tolist()
                classes = sorted(set(labels))
                d = len(train[0])
                model = []
                for c in classes:
                    rows = [r for r, l in zip(train, labels) if l == c]
                    counts = [sum(r[j] for r in rows) for j in range(d)]
                    total = sum(counts)
                    model.append((math.log(len(rows) / len(labels)), [math.log((k + alpha) / (total + alpha * d)) for k in counts]))
                out = []
                for x in X_test.tolist():
                    s = [lp + sum(a * b for a, b in zip(x, lt)) for lp, lt in model]
                    top = max(s)
                    lse = top + math.log(sum(math.exp(v - top) for v in s))
                    out.append([v - lse for v in s])
                return out
        """,
        "max-shift": """
            import numpy as np

            def naive_bayes_log_proba(X_train, y_train, X_test, alpha):
                classes = sorted(set(y_train.tolist()))
                rows = []
                for c in classes:
                    mask = y_train == c
                    counts = X_train[mask].sum(axis=0) + alpha
                    rows.append((np.log(mask.mean()), np.log(counts / counts.sum())))
                S = np.stack([X_test @ lt + lp for lp, lt in rows], axis=1)
                top = S.max(axis=1, keepdims=True)
                return S - top - np.log(np.exp(S - top).sum(axis=1, keepdims=True))
        """,
    },
    "regression-metrics": {
        "numpy-var": """
            import numpy as np

            def regression_metrics(y_true, y_pred):
                t, p = np.array(y_true), np.array(y_pred)
                mse = float(np.mean((t - p) ** 2))
                return {"mse": mse, "mae": float(np.abs(t - p).mean()), "r2": 1.0 - mse / float(np.var(t))}
        """,
        "loops": """
            def regression_metrics(y_true, y_pred):
                n = len(y_true)
                mean = sum(y_true) / n
                ss_res = sum((t - p) ** 2 for t, p in zip(y_true, y_pred))
                ss_tot = sum((t - mean) ** 2 for t in y_true)
                mae = sum(abs(t - p) for t, p in zip(y_true, y_pred)) / n
                return dict(r2=1 - ss_res / ss_tot, mae=mae, mse=ss_res / n)
        """,
    },
    "classification-metrics": {
        "counter": """
            from collections import Counter

            def classification_metrics(y_true, y_pred):
                c = Counter(zip(y_true, y_pred))
                tn, fp, fn, tp = c[(0, 0)], c[(0, 1)], c[(1, 0)], c[(1, 1)]
                precision = tp / (tp + fp) if tp + fp else 0.0
                recall = tp / (tp + fn) if tp + fn else 0.0
                f1 = 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
                return {"confusion": [[tn, fp], [fn, tp]], "f1": f1, "recall": recall, "precision": precision,
                        "accuracy": (tn + tp) / (tn + fp + fn + tp)}
        """,
        "numpy-bincount": """
            import numpy as np

            def classification_metrics(y_true, y_pred):
                t, p = np.array(y_true), np.array(y_pred)
                tn, fp, fn, tp = (int(v) for v in np.bincount(2 * t + p, minlength=4))
                precision = tp / (tp + fp) if tp + fp > 0 else 0.0
                recall = tp / (tp + fn) if tp + fn > 0 else 0.0
                f1 = 2 * tp / (2 * tp + fp + fn) if tp > 0 else 0.0
                return {"accuracy": (tp + tn) / len(t), "precision": precision, "recall": recall, "f1": f1,
                        "confusion": [[tn, fp], [fn, tp]]}
        """,
    },
    "roc-auc": {
        "numpy-pairs": """
            import numpy as np

            def roc_auc(y_true, scores):
                y, s = np.array(y_true), np.array(scores)
                diff = s[y == 1][:, None] - s[y == 0][None, :]
                return float(np.mean((diff > 0) + 0.5 * (diff == 0)))
        """,
        "trapezoid-over-thresholds": """
            def roc_auc(y_true, scores):
                pairs = sorted(zip(scores, y_true), reverse=True)
                P = sum(y_true)
                N = len(y_true) - P
                tp = fp = 0
                area = 0.0
                i = 0
                while i < len(pairs):
                    j = i
                    dtp = dfp = 0
                    while j < len(pairs) and pairs[j][0] == pairs[i][0]:  # a block of tied scores
                        dtp += pairs[j][1]
                        dfp += 1 - pairs[j][1]
                        j += 1
                    area += dfp * (tp + dtp / 2)  # trapezoid under the diagonal step
                    tp += dtp
                    fp += dfp
                    i = j
                return area / (P * N)
        """,
    },
    "k-fold-indices": {
        "masks": """
            import numpy as np

            def k_fold_indices(n, k):
                sizes = np.full(k, n // k)
                sizes[: n % k] += 1
                ends = np.cumsum(sizes)
                folds = []
                for end, size in zip(ends, sizes):
                    mask = np.zeros(n, dtype=bool)
                    mask[end - size:end] = True
                    folds.append((np.flatnonzero(~mask), np.flatnonzero(mask)))
                return folds
        """,
        "array-split": """
            import numpy as np

            def k_fold_indices(n, k):
                out = []
                for test in np.array_split(np.arange(n), k):
                    out.append([np.setdiff1d(np.arange(n), test), test])
                return out
        """,
    },
    "one-hot-encoder": {
        "numpy-unique": """
            import numpy as np

            class OneHotEncoder:
                def fit(self, rows):
                    self.categories_ = [np.unique(column) for column in np.array(rows, dtype=str).T]
                    return self

                def transform(self, rows):
                    blocks = []
                    for j, cats in enumerate(self.categories_):
                        values = np.array([row[j] for row in rows], dtype=str)
                        blocks.append((values[:, None] == cats[None, :]).astype(np.int64).reshape(len(rows), len(cats)))
                    return np.hstack(blocks)
        """,
        "lists": """
            class OneHotEncoder:
                def fit(self, rows):
                    self.categories_ = [sorted({row[j] for row in rows}) for j in range(len(rows[0]))]
                    return self

                def transform(self, rows):
                    out = []
                    for row in rows:
                        encoded = []
                        for value, cats in zip(row, self.categories_):
                            encoded += [1 if value == c else 0 for c in cats]
                        out.append(encoded)
                    return out
        """,
    },
    "balanced-class-weights": {
        "list-count": """
            def balanced_class_weights(y):
                labels = sorted(set(y))
                return {c: len(y) / len(labels) / y.count(c) for c in labels}
        """,
        "numpy-unique": """
            import numpy as np

            def balanced_class_weights(y):
                labels, counts = np.unique(y, return_counts=True)
                w = len(y) / (len(labels) * counts)
                return dict(zip(labels.tolist(), w.tolist()))
        """,
    },
}

PARAMS = [pytest.param(slug, style, id=f"{slug}/{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_function_exercise_has_two_solutions():
    module = CURRICULUM.module("supervised")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    assert all(len(styles) >= 2 for styles in SOLUTIONS.values())


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"supervised/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


# The library shortcuts these exercises forbid: each would be right, and is refused before it runs.
SHORTCUTS = {
    "normal-equation": ("sklearn.linear_model", """
        from sklearn.linear_model import LinearRegression

        def fit_linear_regression(X, y):
            model = LinearRegression().fit(X, y)
            return float(model.intercept_), model.coef_
    """),
    "regression-gradient-descent": ("numpy.linalg.lstsq", """
        import numpy as np

        def linear_regression_gd(X, y, learning_rate, tol):
            A = np.column_stack([np.ones(len(y)), X])
            theta = np.linalg.lstsq(A, y, rcond=None)[0]
            return float(theta[0]), theta[1:]
    """),
    "knn-classifier": ("sklearn.neighbors", """
        import sklearn.neighbors as nb

        class KNNClassifier:
            def __init__(self, k):
                self.model = nb.KNeighborsClassifier(n_neighbors=k)

            def fit(self, X, y):
                self.model.fit(X, y)
                return self

            def predict(self, X):
                return self.model.predict(X)
    """),
}


@pytest.mark.parametrize("slug", sorted(SHORTCUTS))
def test_the_forbidden_library_shortcut_fails(slug):
    name, code = SHORTCUTS[slug]
    verdict = grade_source(CURRICULUM.exercise(f"supervised/{slug}"), textwrap.dedent(code), seed=0)
    assert verdict.status == "failed", verdict.message
    assert f"uses `{name}`" in verdict.message, verdict.message


def test_one_hot_encoder_must_store_categories_as_the_prompt_says():
    # The prompt asks fit to store the sorted categories in `categories_`; an encoder that keeps
    # them under another name transforms correctly but ignores that rule.
    code = textwrap.dedent("""
        import numpy as np

        class OneHotEncoder:
            def fit(self, rows):
                self.learnt = [sorted(set(column)) for column in zip(*rows)]
                return self

            def transform(self, rows):
                out = np.zeros((len(rows), sum(len(c) for c in self.learnt)))
                offset = 0
                for j, cats in enumerate(self.learnt):
                    for r, row in enumerate(rows):
                        if row[j] in cats:
                            out[r, offset + cats.index(row[j])] = 1.0
                    offset += len(cats)
                return out
    """)
    verdict = grade_source(CURRICULUM.exercise("supervised/one-hot-encoder"), code, seed=0)
    assert verdict.status == "failed", verdict.message
    assert "categories_" in verdict.message, verdict.message


def test_softmax_without_the_row_maximum_subtracted_fails():
    # The prompt asks for a stable softmax; exp of scores beyond about 709 overflows to inf and
    # inf / inf is nan, which a case with far-away points must expose.
    code = (CURRICULUM.exercise("supervised/softmax-regression").path / "solution.py").read_text(encoding="utf-8")
    stable = "        return softmax(np.asarray(X, dtype=float) @ self.W + self.b, axis=1)\n"
    assert stable in code
    naive = code.replace(stable, "        E = np.exp(np.asarray(X, dtype=float) @ self.W + self.b)\n        return E / E.sum(axis=1, keepdims=True)\n")
    verdict = grade_source(CURRICULUM.exercise("supervised/softmax-regression"), naive, seed=0)
    assert verdict.status == "failed", verdict.message
    assert "subtract each row's largest score" in verdict.message, verdict.message


def test_k_fold_indices_as_a_generator_is_told_to_return_a_list():
    # scikit-learn's KFold.split yields its pairs; a learner who yields them too is told to collect
    # them in a list, in words they know (the grader's name for what a generator yielded is not).
    code = textwrap.dedent("""
        def k_fold_indices(n, k):
            start = 0
            for i in range(k):
                stop = start + n // k + (i < n % k)
                yield list(range(start)) + list(range(stop, n)), list(range(start, stop))
                start = stop
    """)
    verdict = grade_source(CURRICULUM.exercise("supervised/k-fold-indices"), code, seed=0)
    assert verdict.status == "failed", verdict.message
    assert "not a generator" in verdict.message and "Iterated" not in verdict.message, verdict.message
