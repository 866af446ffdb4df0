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
