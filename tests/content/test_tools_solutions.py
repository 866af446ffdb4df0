"""Every exercise of the tools module accepts correct solutions in other styles.

For each function exercise, two independent correct solutions (plain Python loops, other numpy
routes such as one-hot matrix products or the dot-product expansion of distances, pandas'
query, join, map, crosstab and named aggregation, scikit-learn's own transformers instead of
numpy, numpy instead of scikit-learn, pandas plotting instead of ax.bar) are graded by the real
grader for seeds 0 and 1, on one warm pool of two slots. The dataset exercise's reference and two
other model families are graded too. A check that rejects one of them has a tolerance tied to
the reference's floating-point path rather than to the problem, or demands something the
prompt does not state.
"""

from __future__ import annotations

import textwrap

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source

SEEDS = (0, 1)
CURRICULUM = load_curriculum()

SOLUTIONS: dict[str, dict[str, str]] = {
    "standardize-columns": {
        "sklearn-scaler": """
            from sklearn.preprocessing import StandardScaler

            def standardize(X):
                return StandardScaler().fit_transform(X)
        """,
        "python-loops": """
            import math

            def standardize(X):
                rows = [[float(v) for v in row] for row in X]
                n, d = len(rows), len(rows[0])
                out = [[0.0] * d for _ in range(n)]
                for j in range(d):
                    column = [row[j] for row in rows]
                    if max(column) == min(column):
                        continue
                    mean = math.fsum(column) / n
                    sd = math.sqrt(math.fsum((v - mean) ** 2 for v in column) / n)
                    for i in range(n):
                        out[i][j] = (column[i] - mean) / sd
                return out
        """,
    },
    "pairwise-distances": {
        "dot-product-expansion": """
            import numpy as np

            def pairwise_distances(A, B):
                A = np.asarray(A, dtype=float)
                B = np.asarray(B, dtype=float)
                squared = (A**2).sum(axis=1)[:, None] + (B**2).sum(axis=1)[None, :] - 2.0 * A @ B.T
                return np.sqrt(np.maximum(squared, 0.0))
        """,
        "math-dist-loops": """
            import math

            def pairwise_distances(A, B):
                return [[math.dist(a, b) for b in B.tolist()] for a in A.tolist()]
        """,
    },
    "class-means": {
        "pandas-groupby": """
            import pandas as pd

            def class_means(X, y):
                return pd.DataFrame(X).groupby(y).mean().to_numpy()
        """,
        "one-hot-product": """
            import numpy as np

            def class_means(X, y):
                labels, inverse = np.unique(y, return_inverse=True)
                onehot = np.eye(len(labels))[inverse]
                return (onehot.T @ X) / onehot.sum(axis=0)[:, None]
        """,
    },
    "bootstrap-means": {
        "rng-choice": """
            import numpy as np

            def bootstrap_means(values, n_boot, seed):
                rng = np.random.default_rng(seed)
                return rng.choice(np.asarray(values, dtype=float), size=(n_boot, len(values))).mean(axis=1).tolist()
        """,
        "statistics-loop": """
            import statistics
            import numpy as np

            def bootstrap_means(values, n_boot, seed):
                idx = np.random.default_rng(seed).integers(0, len(values), size=(n_boot, len(values)))
                return [statistics.fmean(float(values[i]) for i in row) for row in idx]
        """,
    },
    "filter-rows": {
        "query": """
            def heavy_penguins(df, species, min_mass):
                return df.query("species == @species and body_mass_g >= @min_mass").index.tolist()
        """,
        "zip-loop": """
            import math

            def heavy_penguins(df, species, min_mass):
                out = []
                for label, s, mass in zip(df.index, df["species"], df["body_mass_g"]):
                    if s == species and not math.isnan(mass) and mass >= min_mass:
                        out.append(int(label))
                return out
        """,
    },
    "group-summary": {
        "named-aggregation": """
            def group_summary(df, by, column):
                return df.groupby(by).agg(count=(column, "count"), mean=(column, "mean"), max=(column, "max"))
        """,
        "dict-of-lists": """
            import math
            import pandas as pd

            def group_summary(df, by, column):
                groups = {}
                for key, value in zip(df[by], df[column]):
                    if not isinstance(key, str):
                        continue  # a missing group
                    groups.setdefault(key, [])
                    if not math.isnan(value):
                        groups[key].append(float(value))
                keys = sorted(groups)
                rows = [[len(groups[k]), sum(groups[k]) / len(groups[k]) if groups[k] else math.nan,
                         max(groups[k]) if groups[k] else math.nan] for k in keys]
                return pd.DataFrame(rows, index=keys, columns=["count", "mean", "max"])
        """,
    },
    "merge-tables": {
        "join-on-index": """
            def join_measurements(birds, measurements):
                return birds.join(measurements.set_index("id"), on="id")
        """,
        "map-lookups": """
            def join_measurements(birds, measurements):
                lookup = measurements.set_index("id")
                return birds.assign(
                    flipper_length_mm=birds["id"].map(lookup["flipper_length_mm"]),
                    body_mass_g=birds["id"].map(lookup["body_mass_g"]),
                )
        """,
    },
    "pivot-means": {
        "groupby-unstack": """
            def mean_table(df, index, columns, values):
                return df.groupby([index, columns])[values].mean().unstack()
        """,
        "crosstab": """
            import pandas as pd

            def mean_table(df, index, columns, values):
                return pd.crosstab(df[index], df[columns], values=df[values], aggfunc="mean")
        """,
    },
    "weekly-means": {
        "grouper": """
            import pandas as pd

            def weekly_means(df, column):
                frame = df.assign(date=pd.to_datetime(df["date"], format="%Y-%m-%d"))
                weekly = frame.groupby(pd.Grouper(key="date", freq="W"))[column].mean()
                return {str(day.date()): float(v) for day, v in weekly.items()}
        """,
        "sundays-by-hand": """
            import datetime as dt
            import math

            def weekly_means(df, column):
                sums = {}
                for text, value in zip(df["date"], df[column]):
                    day = dt.date.fromisoformat(text)
                    sunday = day + dt.timedelta(days=6 - day.weekday())
                    sums.setdefault(sunday, [])
                    if not math.isnan(value):
                        sums[sunday].append(float(value))
                out = {}
                sunday, last = min(sums), max(sums)
                while sunday <= last:
                    values = sums.get(sunday, [])
                    out[sunday.isoformat()] = sum(values) / len(values) if values else math.nan
                    sunday += dt.timedelta(days=7)
                return out
        """,
    },
    "scaled-knn": {
        "numpy-by-hand": """
            import numpy as np

            def scaled_knn_predict(X_train, y_train, X_test, k):
                mean, sd = X_train.mean(axis=0), X_train.std(axis=0)
                sd = np.where(sd == 0, 1.0, sd)
                A, B = (X_train - mean) / sd, (X_test - mean) / sd
                d = ((B[:, None, :] - A[None, :, :]) ** 2).sum(axis=-1)
                nearest = np.argsort(d, axis=1, kind="stable")[:, :k]
                votes = [np.bincount(y_train[row], minlength=3) for row in nearest]
                return [int(np.argmax(v)) for v in votes]  # argmax: a tie goes to the smallest label
        """,
        "separate-steps": """
            from sklearn.neighbors import KNeighborsClassifier
            from sklearn.preprocessing import StandardScaler

            def scaled_knn_predict(X_train, y_train, X_test, k):
                scaler = StandardScaler().fit(X_train)
                knn = KNeighborsClassifier(n_neighbors=k).fit(scaler.transform(X_train), y_train)
                return knn.predict(scaler.transform(X_test))
        """,
    },
    "column-transformer": {
        "get-dummies-closed-form": """
            import numpy as np
            import pandas as pd

            NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm"]
            TEXT = ["species", "island", "sex"]

            def predict_mass(X_train, y_train, X_test):
                mean, sd = X_train[NUMERIC].mean(), X_train[NUMERIC].std(ddof=0)
                train_text = pd.get_dummies(X_train[TEXT].astype(str), dtype=float)
                test_text = pd.get_dummies(X_test[TEXT].astype(str), dtype=float).reindex(columns=train_text.columns, fill_value=0.0)
                A = np.hstack([((X_train[NUMERIC] - mean) / sd).to_numpy(), train_text.to_numpy()])
                B = np.hstack([((X_test[NUMERIC] - mean) / sd).to_numpy(), test_text.to_numpy()])
                a_mean, y_mean = A.mean(axis=0), float(np.mean(y_train))
                Ac = A - a_mean
                w = np.linalg.solve(Ac.T @ Ac + np.eye(A.shape[1]), Ac.T @ (np.asarray(y_train) - y_mean))
                return (B - a_mean) @ w + y_mean
        """,
        "make-column-transformer-svd": """
            from sklearn.compose import make_column_transformer
            from sklearn.linear_model import Ridge
            from sklearn.pipeline import Pipeline
            from sklearn.preprocessing import OneHotEncoder, StandardScaler

            def predict_mass(X_train, y_train, X_test):
                columns = make_column_transformer(
                    (OneHotEncoder(handle_unknown="ignore", sparse_output=False), ["sex", "island", "species"]),
                    (StandardScaler(), ["flipper_length_mm", "bill_depth_mm", "bill_length_mm"]),
                )
                model = Pipeline([("columns", columns), ("ridge", Ridge(alpha=1.0, solver="svd"))])
                return model.fit(X_train, y_train).predict(X_test).tolist()
        """,
    },
    "grid-search": {
        "kfold-loop": """
            import numpy as np
            from sklearn.linear_model import Ridge
            from sklearn.metrics import r2_score
            from sklearn.model_selection import KFold
            from sklearn.preprocessing import StandardScaler

            def best_alpha(X, y, alphas):
                best, best_score = None, -np.inf
                for alpha in alphas:
                    scores = []
                    for train, test in KFold(n_splits=3).split(X):
                        scaler = StandardScaler().fit(X[train])
                        model = Ridge(alpha=alpha).fit(scaler.transform(X[train]), y[train])
                        scores.append(r2_score(y[test], model.predict(scaler.transform(X[test]))))
                    mean = float(np.mean(scores))
                    if mean > best_score:
                        best, best_score = alpha, mean
                return {"alpha": float(best), "score": best_score}
        """,
        "cross-val-score": """
            import numpy as np
            from sklearn.linear_model import Ridge
            from sklearn.model_selection import cross_val_score
            from sklearn.pipeline import make_pipeline
            from sklearn.preprocessing import StandardScaler

            def best_alpha(X, y, alphas):
                means = [cross_val_score(make_pipeline(StandardScaler(), Ridge(alpha=a)), X, y, cv=3).mean() for a in alphas]
                i = int(np.argmax(means))
                return {"alpha": float(alphas[i]), "score": float(means[i])}
        """,
    },
    "saved-model": {
        "file-like-load": """
            import base64
            import io
            import pickle

            def predict_with_saved_model(model_b64, X):
                model = pickle.load(io.BytesIO(base64.b64decode(model_b64.encode("ascii"))))
                return model.predict(X).tolist()
        """,
        "steps-by-hand": """
            import base64
            import pickle

            def predict_with_saved_model(model_b64, X):
                pipeline = pickle.loads(base64.b64decode(model_b64))
                Z = X
                for _, step in pipeline.steps[:-1]:
                    Z = step.transform(Z)
                return [str(v) for v in pipeline.steps[-1][1].predict(Z)]
        """,
    },
    "bar-chart-means": {
        "pandas-plot": """
            import matplotlib.pyplot as plt

            def plot_group_means(df, by, column):
                fig, ax = plt.subplots()
                df.groupby(by)[column].mean().plot.bar(ax=ax, color="tab:green")
                ax.set_ylabel("mean " + column)
                ax.set_title("Means by group")
                return ax
        """,
        "numeric-positions": """
            import math
            from matplotlib.figure import Figure

            def plot_group_means(df, by, column):
                groups = {}
                for key, value in zip(df[by], df[column]):
                    if isinstance(key, str):
                        groups.setdefault(key, []).append(float(value))
                names = sorted(groups)
                fig = Figure()
                ax = fig.add_subplot()
                ax.bar(range(len(names)), [sum(groups[n]) / len(groups[n]) for n in names], width=0.5)
                ax.set_xticks(range(len(names)), names)
                ax.set_xlabel(by)
                ax.set_ylabel(f"mean {column}")
                ax.set_title(f"{column}: group means")
                ax.grid(True)
                return fig
        """,
    },
    "scatter-with-fit": {
        "scipy-linregress": """
            import matplotlib.pyplot as plt
            from scipy.stats import linregress

            def plot_fit(x, y, xlabel, ylabel):
                fit = linregress(x, y)
                fig, ax = plt.subplots()
                ax.plot([x.min(), x.max()], [fit.intercept + fit.slope * x.min(), fit.intercept + fit.slope * x.max()],
                        "k--", label="least-squares fit")
                ax.scatter(x, y, marker="x", label="data")
                ax.set_xlabel(xlabel)
                ax.set_ylabel(ylabel)
                ax.set_title("Data and fit")
                ax.legend()
                return ax
        """,
        "closed-form-many-points": """
            import numpy as np
            from matplotlib.figure import Figure

            def plot_fit(x, y, xlabel, ylabel):
                order = np.argsort(x)
                xs, ys = x[order], y[order]
                slope = np.sum((xs - xs.mean()) * (ys - ys.mean())) / np.sum((xs - xs.mean()) ** 2)
                intercept = ys.mean() - slope * xs.mean()
                grid = np.linspace(xs[0], xs[-1], 50)
                fig = Figure()
                ax = fig.add_subplot()
                ax.scatter(xs, ys, label="data")
                ax.plot(grid, intercept + slope * grid, label="least-squares fit")
                ax.set(xlabel=xlabel, ylabel=ylabel)
                ax.legend(loc="best")
                return fig
        """,
    },
}

# Graded with every other dataset exercise by tests/content/test_dataset_exercises.py.
DATASET_ALTERNATIVES = {
    "penguins-without-bills": [
        # k nearest neighbours on the same two kinds of preprocessing.
        """
from sklearn.compose import make_column_transformer
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

def fit_predict(X_train, y_train, X_test):
    columns = make_column_transformer((StandardScaler(), ["flipper_length_mm", "body_mass_g"]),
                                      (OneHotEncoder(handle_unknown="ignore"), ["island", "sex"]))
    return make_pipeline(columns, KNeighborsClassifier(n_neighbors=7)).fit(X_train, y_train).predict(X_test)
""",
        # A random forest on one-hot columns made with pandas (trees need no scaling).
        """
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

def fit_predict(X_train, y_train, X_test):
    train = pd.get_dummies(X_train, columns=["island", "sex"], dtype=float)
    test = pd.get_dummies(X_test, columns=["island", "sex"], dtype=float).reindex(columns=train.columns, fill_value=0.0)
    forest = RandomForestClassifier(n_estimators=200, min_samples_leaf=3, random_state=0)
    return forest.fit(train, y_train).predict(test)
""",
    ],
}

PARAMS = [pytest.param(slug, style, id=f"{slug}-{style}") for slug, styles in SOLUTIONS.items() for style in styles]


def test_every_exercise_has_two_solutions():
    module = CURRICULUM.module("tools")
    function_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "function"}
    assert function_exercises == set(SOLUTIONS)
    dataset_exercises = {ex.id.split("/", 1)[1] for ex in module.exercises if ex.kind == "dataset"}
    assert dataset_exercises == set(DATASET_ALTERNATIVES)
    assert all(len(styles) == 2 for styles in [*SOLUTIONS.values(), *DATASET_ALTERNATIVES.values()])


@pytest.mark.parametrize(("slug", "style"), PARAMS)
def test_other_correct_solutions_pass(slug, style):
    exercise = CURRICULUM.exercise(f"tools/{slug}")
    code = textwrap.dedent(SOLUTIONS[slug][style])
    for seed in SEEDS:
        verdict = grade_source(exercise, code, seed=seed)
        assert verdict.passed, f"{slug} ({style}), seed {seed}: {verdict.message}"


def test_forbidden_distance_shortcuts_are_refused():
    exercise = CURRICULUM.exercise("tools/pairwise-distances")
    for code in [
        "from scipy.spatial.distance import cdist\ndef pairwise_distances(A, B):\n    return cdist(A, B)\n",
        "import sklearn.metrics\ndef pairwise_distances(A, B):\n    return sklearn.metrics.pairwise_distances(A, B)\n",
    ]:
        verdict = grade_source(exercise, code, seed=0)
        assert not verdict.passed, "a forbidden shortcut must be refused"
        assert "scipy" in verdict.message or "sklearn" in verdict.message, verdict.message
