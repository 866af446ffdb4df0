import numpy as np

from mltrail.grading.contract import hidden, labelled


def _calls(k, *steps):
    return {"init": {"k": k}, "calls": [[method, args] for method, args in steps]}


def _problem(rng):
    d, classes = int(rng.integers(2, 5)), int(rng.integers(2, 5))
    n = int(rng.integers(6, 40))
    labels = np.sort(rng.choice(np.arange(-2, 10), size=classes, replace=False))
    centres = rng.normal(0.0, 1.5, size=(classes, d))
    which = rng.integers(0, classes, size=n)
    X = np.round(centres[which] + rng.normal(0.0, 1.0, size=(n, d)), 4)
    k = int(rng.choice([2, 4, 6])) if rng.random() < 0.5 else int(rng.integers(1, 8))  # even k: tied votes
    queries = np.round(rng.normal(0.0, 2.0, size=(int(rng.integers(5, 16)), d)), 4)
    steps = [("fit", {"X": X, "y": labels[which]}), ("predict", {"X": queries})]
    if rng.random() < 0.25:
        steps.append(("predict", {"X": X[:4]}))
    return _calls(k, *steps)


def cases(rng):
    X = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0]])
    y = np.array([0, 0, 1, 1, 1])
    yield labelled(_calls(3, ("fit", {"X": X, "y": y}), ("predict", {"X": np.array([[0.2, 0.1], [4.0, 4.5]])})), "the worked example")
    yield labelled(_calls(2, ("fit", {"X": np.array([[0.0], [1.0], [3.0]]), "y": np.array([2, 1, 1])}), ("predict", {"X": np.array([[0.4]])})), "a tied vote: the smallest label wins")
    yield labelled(_calls(1, ("fit", {"X": X, "y": y}), ("predict", {"X": np.array([[0.1, 0.8], [0.9, 0.2], [5.8, 4.9]])})), "k = 1: the label of the nearest point")
    yield labelled(_calls(5, ("fit", {"X": X, "y": y}), ("predict", {"X": np.array([[0.0, 0.1], [100.0, 100.0]])})), "k = n: the majority of the whole training set")
    yield labelled(_calls(3, ("fit", {"X": np.array([[0.0], [1.0], [2.0], [10.0], [11.0]]), "y": np.array([7, 7, -1, -1, -1])}), ("predict", {"X": np.array([[0.4], [1.6], [9.0]])})), "labels that are not 0, 1, 2")
    yield labelled(_calls(4, ("fit", {"X": np.array([[0.0, 0.0], [3.0, 0.0], [0.0, 2.0], [1.0, 1.0], [2.5, 2.5], [-1.0, -1.0]]), "y": np.array([5, 3, 3, 5, 3, 4])}),
                          ("predict", {"X": np.array([[1.0, 0.8], [2.0, 1.1]])})), "two labels with two votes each")
    yield labelled(_calls(1, ("fit", {"X": np.array([[2.0, 2.0], [3.5, 0.0]]), "y": np.array([1, 0])}), ("predict", {"X": np.array([[0.0, 0.0]])})),
                   "Euclidean distance: (2, 2) is nearer than (3.5, 0)")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def compare(expected, got, case):
    calls = case.args["calls"]
    if type(got) is not list or len(got) != len(expected):
        return "not the expected results"
    for (method, _), want, value in zip(calls, expected, got):
        if method == "fit":
            if value is not want:
                return "fit must return self (the object itself)"
            continue
        if isinstance(value, np.ndarray):
            if value.dtype.kind not in "iu":
                return f"predict must return int labels, not an array of dtype {value.dtype}"
            value = value.tolist()
        if type(value) is not list or any(type(v) is not int for v in value):
            return "predict must return a 1-D numpy array of ints or a list of ints"
        want = [int(v) for v in want]
        if len(value) != len(want):
            return f"predict: expected {len(want)} labels (one per row), got {len(value)}"
        for i, (a, b) in enumerate(zip(want, value)):
            if a != b:
                return f"predict: row {i}: expected label {a}, got {b}"
    return True
