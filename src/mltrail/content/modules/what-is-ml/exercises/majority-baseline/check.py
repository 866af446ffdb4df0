import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, tie):
    k = int(rng.integers(2, 6))
    labels = rng.permutation(10)[:k]
    y_test = list(labels[rng.choice(k, size=int(rng.integers(4, 30)), p=rng.dirichlet(np.ones(k)))])
    if tie:  # two classes share the highest training count; the larger of them comes first
        counts = rng.integers(1, 6, size=k)
        top = int(counts.max()) + int(rng.integers(0, 3))
        two = rng.choice(k, size=2, replace=False)
        counts[two] = top
        y_train = list(rng.permutation(np.repeat(labels, counts)))
        larger = int(labels[two].max())
        y_train.remove(larger)
        y_train.insert(0, larger)
        y_test.append(larger)  # so the two tied classes score differently on the test set
        y_test = list(rng.permutation(y_test))
    else:
        y_train = labels[rng.choice(k, size=int(rng.integers(5, 40)), p=rng.dirichlet(np.ones(k)))]
    return {"y_train": [int(v) for v in y_train], "y_test": [int(v) for v in y_test]}


def cases(rng):
    yield labelled({"y_train": [2, 0, 2, 1, 2, 0], "y_test": [0, 2, 2, 1]}, "the worked example")
    yield labelled({"y_train": [1, 1, 1, 0], "y_test": [0, 0, 0, 1]},
                   "the test set's majority differs from the training set's")
    yield labelled({"y_train": [5, 3, 3, 5], "y_test": [3, 5, 5]}, "a tie in training: the smaller label, 3")
    yield labelled({"y_train": [4], "y_test": [4, 4]}, "one training label")
    yield labelled({"y_train": [0, 1, 1], "y_test": [2, 2, 0]}, "a test class never seen in training")
    for i in range(24):
        yield _case(rng, tie=i % 2 == 0)
    yield hidden(_case(rng, tie=True))


def compare(expected, got, case):
    if type(got) not in (int, float):
        return f"return the accuracy as a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9):
        return f"expected accuracy {expected!r}, got {got!r}"
    return True
