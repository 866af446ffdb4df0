import math

from mltrail.grading.contract import hidden, labelled

ANIMALS = ["cat", "dog", "bird"]


def cases(rng):
    yield labelled({"y_true": [], "y_pred": []}, "empty lists")
    yield labelled({"y_true": [1, 0, 1], "y_pred": [1, 0, 0]}, "two out of three")
    yield labelled({"y_true": [3], "y_pred": [3]}, "one example, right")
    yield labelled({"y_true": [3], "y_pred": [2]}, "one example, wrong")
    yield labelled({"y_true": [0, 1, 2, 1], "y_pred": [0, 1, 2, 1]}, "all right")
    yield labelled({"y_true": [0, 0, 1, 1], "y_pred": [1, 1, 0, 0]}, "all wrong")
    yield labelled(
        {"y_true": ["cat", "dog", "dog", "bird", "cat"], "y_pred": ["cat", "cat", "dog", "bird", "dog"]},
        "string labels",
    )
    for i in range(24):
        n = int(rng.integers(2, 30)) if rng.random() > 0.2 else 0  # now and then two empty lists
        if i % 2 == 0:
            n_classes = int(rng.integers(2, 5))
            y_true = [int(v) for v in rng.integers(0, n_classes, size=n)]
            y_pred = [int(v) for v in rng.integers(0, n_classes, size=n)]
        else:
            y_true = [ANIMALS[int(v)] for v in rng.integers(0, 3, size=n)]
            # a decent classifier: mostly right, sometimes wrong
            y_pred = [t if rng.random() < 0.7 else ANIMALS[int(rng.integers(0, 3))] for t in y_true]
        yield {"y_true": y_true, "y_pred": y_pred}
    yield hidden({"y_true": [i % 7 for i in range(1000)], "y_pred": [i % 5 for i in range(1000)]})
    yield hidden({"y_true": [-1, -1, 1], "y_pred": [-1, 1, 1]})


def compare(expected, got, case):
    if type(got) is not float:
        return f"expected a float between 0.0 and 1.0, such as {expected!r}, got the {type(got).__name__} {got!r}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
