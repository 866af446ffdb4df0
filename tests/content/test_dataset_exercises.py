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
DATASET_EXERCISES = sorted(
    (ex for module in CURRICULUM.modules for ex in module.exercises if ex.kind == "dataset"), key=lambda ex: ex.id)
BY_ID = {ex.id: ex for ex in DATASET_EXERCISES}

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


def test_every_dataset_exercise_has_two_alternatives():
    assert DATASET_EXERCISES
    assert sorted(ALTERNATIVES) == sorted(BY_ID)
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
