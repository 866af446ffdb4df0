"""Every `dataset` exercise of the built-in course, graded by the real grader.

The reference passes; two independent correct solutions kept here (other model families,
other styles) pass too; the starter, every recorded mistake, `None`, predictions for the
training rows instead of the test rows, and a constant prediction fail. One warm zygote pool
grades everything.
"""

from __future__ import annotations

import pytest

from mltrail.curriculum.loader import load_curriculum
from mltrail.grading.grader import grade_source
from mltrail.sandbox.pool import ZygotePool

CURRICULUM = load_curriculum()
# Policies learned from logged transitions are tested in test_reinforcement_offline.py.
DATASET_EXERCISES = sorted(
    (ex for module in CURRICULUM.modules for ex in module.exercises
     if ex.kind == "dataset" and ex.manifest.task != "policy"), key=lambda ex: ex.id)
BY_ID = {ex.id: ex for ex in DATASET_EXERCISES}


def _from_module_tests() -> dict[str, list[str]]:
    """Alternatives kept beside a module's other solutions (test_<module>_solutions.py)."""
    from test_tools_solutions import DATASET_ALTERNATIVES as TOOLS

    return {f"tools/{slug}": codes for slug, codes in TOOLS.items()}

# Two correct solutions per exercise, each in a different style or model family from the
# reference and from each other.
ALTERNATIVES = {
    "what-is-ml/digits-learned-model": [
        # 1-nearest neighbour, written with numpy (the squared distance expanded).
        """
import numpy as np

def fit_predict(X_train, y_train, X_test):
    d = (X_test ** 2).sum(axis=1)[:, None] - 2 * X_test @ X_train.T + (X_train ** 2).sum(axis=1)[None, :]
    return y_train[d.argmin(axis=1)]
""",
        # scikit-learn: logistic regression on pixels scaled to [0, 1].
        """
from sklearn.linear_model import LogisticRegression

def fit_predict(X_train, y_train, X_test):
    model = LogisticRegression(max_iter=1000).fit(X_train / 16.0, y_train)
    return model.predict(X_test / 16.0).tolist()
""",
    ],
    "what-is-ml/penguin-species": [
        # scikit-learn: 5 nearest neighbours after a StandardScaler, in a pipeline.
        """
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

def fit_predict(X_train, y_train, X_test):
    return make_pipeline(StandardScaler(), KNeighborsClassifier(5)).fit(X_train, y_train).predict(X_test)
""",
        # A decision tree needs no scaling: each split looks at one column at a time.
        """
from sklearn.tree import DecisionTreeClassifier

def fit_predict(X_train, y_train, X_test):
    tree = DecisionTreeClassifier(max_depth=4, random_state=0).fit(X_train, y_train)
    return list(tree.predict(X_test))
""",
    ],
    "supervised/breast-cancer-diagnosis": [
        # A random forest: no scaling needed.
        """
from sklearn.ensemble import RandomForestClassifier

def fit_predict(X_train, y_train, X_test):
    forest = RandomForestClassifier(n_estimators=100, random_state=0).fit(X_train, y_train)
    return forest.predict(X_test)
""",
        # A linear SVM written by hand: z-scores, then subgradient descent on the hinge loss.
        """
import numpy as np

def fit_predict(X_train, y_train, X_test):
    A, B = X_train.to_numpy(), X_test.to_numpy()
    mean, std = A.mean(axis=0), A.std(axis=0)
    Z, T = (A - mean) / std, (B - mean) / std
    s = np.where(np.asarray(y_train) == 1, 1.0, -1.0)
    w, b = np.zeros(Z.shape[1]), 0.0
    for step in range(1, 501):
        active = s * (Z @ w + b) < 1
        w -= 0.1 / np.sqrt(step) * (0.01 * w - (s[active, None] * Z[active]).sum(axis=0) / len(s))
        b += 0.1 / np.sqrt(step) * s[active].sum() / len(s)
    return (T @ w + b > 0).astype(int)
""",
    ],
    "supervised/diamond-prices": [
        # A random forest on ordinal codes, on the raw prices.
        """
import numpy as np
from sklearn.ensemble import RandomForestRegressor

ORDER = {"cut": ["Fair", "Good", "Very Good", "Premium", "Ideal"],
         "color": ["J", "I", "H", "G", "F", "E", "D"],
         "clarity": ["I1", "SI2", "SI1", "VS2", "VS1", "VVS2", "VVS1", "IF"]}

def codes(X):
    X = X.copy()
    for column, levels in ORDER.items():
        X[column] = X[column].map({v: i for i, v in enumerate(levels)}).astype(float)
    return X

def fit_predict(X_train, y_train, X_test):
    forest = RandomForestRegressor(n_estimators=40, min_samples_leaf=2, random_state=0)
    return forest.fit(codes(X_train), y_train).predict(codes(X_test))
""",
        # Least squares by hand (numpy lstsq) on log price, with pandas dummies and log carat.
        """
import numpy as np
import pandas as pd

def design(X, columns=None):
    D = pd.get_dummies(X.assign(carat=np.log(X["carat"])), columns=["cut", "color", "clarity"], drop_first=True, dtype=float)
    if columns is not None:
        D = D.reindex(columns=columns, fill_value=0.0)
    return D

def fit_predict(X_train, y_train, X_test):
    train = design(X_train)
    test = design(X_test, train.columns)
    A = np.column_stack([np.ones(len(train)), train.to_numpy()])
    w, *_ = np.linalg.lstsq(A, np.log(y_train), rcond=None)
    return np.exp(np.column_stack([np.ones(len(test)), test.to_numpy()]) @ w)
""",
    ],
    "supervised/penguins-all-features": [
        # Logistic regression on the same prepared columns, written with pandas.
        """
import pandas as pd
from sklearn.linear_model import LogisticRegression

NUMERIC = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]

def prepare(X, mean, std, columns=None):
    Z = (X[NUMERIC] - mean) / std
    D = pd.get_dummies(X[["island", "sex"]], dtype=float)
    out = pd.concat([Z, D], axis=1)
    return out if columns is None else out.reindex(columns=columns, fill_value=0.0)

def fit_predict(X_train, y_train, X_test):
    mean, std = X_train[NUMERIC].mean(), X_train[NUMERIC].std()
    train = prepare(X_train, mean, std)
    test = prepare(X_test, mean, std, train.columns)
    return LogisticRegression(max_iter=1000).fit(train, y_train).predict(test)
""",
        # A random forest on one-hot columns: trees need no scaling.
        """
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

def fit_predict(X_train, y_train, X_test):
    train = pd.get_dummies(X_train, dtype=float)
    test = pd.get_dummies(X_test, dtype=float).reindex(columns=train.columns, fill_value=0.0)
    return RandomForestClassifier(n_estimators=100, random_state=0).fit(train, y_train).predict(test).tolist()
""",
    ],
    "unsupervised/iris-mixtures": [
        # A Gaussian mixture on the first two principal components.
        """
from sklearn.decomposition import PCA
from sklearn.mixture import GaussianMixture

def fit_transform(X):
    P = PCA(n_components=2).fit_transform(X)
    return GaussianMixture(3, n_init=5, random_state=1).fit(P).predict(P).tolist()
""",
        # EM written by hand in log space, started from a k-means partition.
        """
import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal
from sklearn.cluster import KMeans

def fit_transform(X):
    k, n = 3, len(X)
    R = np.eye(k)[KMeans(k, n_init=10, random_state=0).fit_predict(X)]
    for _ in range(200):
        Nk = R.sum(axis=0)
        weights, means = Nk / n, (R.T @ X) / Nk[:, None]
        covs = [((R[:, j, None] * (X - means[j])).T @ (X - means[j])) / Nk[j] + 1e-6 * np.eye(X.shape[1]) for j in range(k)]
        log_p = np.column_stack([np.log(weights[j]) + multivariate_normal(means[j], covs[j]).logpdf(X) for j in range(k)])
        R = np.exp(log_p - logsumexp(log_p, axis=1, keepdims=True))
    return R.argmax(axis=1)
""",
    ],
    "unsupervised/wine-clusters": [
        # StandardScaler, two principal components, then Ward's agglomerative clustering.
        """
from sklearn.cluster import AgglomerativeClustering
from sklearn.decomposition import PCA
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

def fit_transform(X):
    P = make_pipeline(StandardScaler(), PCA(n_components=2)).fit_transform(X)
    return AgglomerativeClustering(n_clusters=3, linkage="ward").fit_predict(P)
""",
        # A Gaussian mixture on z-scores computed by hand.
        """
import numpy as np
from sklearn.mixture import GaussianMixture

def fit_transform(X):
    Z = (X - np.mean(X, axis=0)) / np.std(X, axis=0)
    return GaussianMixture(n_components=3, n_init=5, random_state=0).fit(Z).predict(Z)
""",
    ],
}

WRONG_LENGTH = {"fit_predict": "def fit_predict(X_train, y_train, X_test):\n    return y_train\n",
                "fit_transform": "def fit_transform(X):\n    return list(range(len(X) - 1))\n"}
NONE = {"fit_predict": "def fit_predict(X_train, y_train, X_test):\n    return None\n",
        "fit_transform": "def fit_transform(X):\n    return None\n"}
CONSTANT = {"fit_predict": "def fit_predict(X_train, y_train, X_test):\n    return [y_train[-1]] * len(X_test)\n",
            "fit_transform": "def fit_transform(X):\n    return [3] * len(X)\n"}


@pytest.fixture(scope="module")
def pool():
    with ZygotePool(size=2, forbidden=[]) as pool:
        pool.wait_ready()
        yield pool


def grade(pool, exercise, code):
    return grade_source(exercise, code, runner=pool)


ALTERNATIVES.update(_from_module_tests())


def test_every_dataset_exercise_has_two_alternatives():
    assert DATASET_EXERCISES
    missing = sorted(set(BY_ID) - set(ALTERNATIVES))
    assert not missing, f"dataset exercises without two alternative solutions here: {missing}"
    assert all(len(codes) == 2 for codes in ALTERNATIVES.values())


@pytest.mark.parametrize("exercise_id", sorted(BY_ID))
def test_reference_and_alternatives_pass(pool, exercise_id):
    exercise = BY_ID[exercise_id]
    for name, code in [("solution", exercise.file("solution.py").read_text()),
                       *((f"alternative {i}", c) for i, c in enumerate(ALTERNATIVES[exercise_id], 1))]:
        verdict = grade(pool, exercise, code)
        assert verdict.status == "passed", f"{exercise_id} {name}: {verdict.message}"


@pytest.mark.parametrize("exercise_id", sorted(BY_ID))
def test_starter_mistakes_and_degenerate_answers_fail(pool, exercise_id):
    exercise = BY_ID[exercise_id]
    mistakes = exercise.mistakes()
    assert len(mistakes) >= 2
    entry = exercise.entry
    for name, code in [("starter", exercise.file("starter.py").read_text()),
                       *((m.stem, m.read_text()) for m in mistakes),
                       ("None", NONE[entry]), ("wrong length", WRONG_LENGTH[entry]), ("constant", CONSTANT[entry])]:
        verdict = grade(pool, exercise, code)
        assert verdict.status == "failed", f"{exercise_id} {name} should fail: {verdict.message}"
        if name in {m.stem for m in mistakes} and exercise.mistake_explanation(exercise.path / "mistakes" / f"{name}.py"):
            # a learner who makes a recorded mistake is told about that one, not another
            named = verdict.mistake.name if verdict.mistake else None
            assert named == name, f"{exercise_id}: mistakes/{name}.py is explained as {named}"
