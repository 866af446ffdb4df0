import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng, integers):
    n, d = int(rng.integers(2, 40)), int(rng.integers(1, 6))
    if integers:  # whole numbers: some margins land exactly on 1
        n = int(rng.integers(10, 40))
        X = rng.integers(-2, 3, size=(n, d)).astype(float)
        w = rng.integers(-1, 2, size=d).astype(float)
        b = float(rng.integers(-1, 2))
    else:
        X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
        w = np.round(rng.normal(0.0, 1.0, size=d), 3)
        b = float(np.round(rng.normal(0.0, 0.5), 3))
    y = np.where(X @ rng.normal(0.0, 1.0, size=d) + rng.normal(0.0, 0.5, size=n) > 0, 1, -1)
    return {"X": X, "y": y, "w": w, "b": b, "lam": float(np.round(rng.choice([0.0, 0.01, 0.1, 1.0]) * rng.uniform(0.5, 2.0), 4))}


def cases(rng):
    X = np.array([[2.0, 1.0], [0.0, 1.0], [-1.0, -1.0]])
    y = np.array([1, 1, -1])
    yield labelled({"X": X, "y": y, "w": np.array([1.0, 0.0]), "b": 0.0, "lam": 0.1}, "the worked example: one margin exactly 1")
    yield labelled({"X": X, "y": y, "w": np.array([0.0, 0.0]), "b": 0.0, "lam": 0.1}, "w = 0: every margin is 0, every example active")
    yield labelled({"X": X, "y": y, "w": np.array([3.0, 3.0]), "b": 0.0, "lam": 0.0}, "every margin above 1: zero loss, zero subgradient")
    yield labelled({"X": X, "y": y, "w": np.array([-1.0, 0.0]), "b": 0.5, "lam": 1.0}, "misclassified examples: loss above 1")
    yield labelled({"X": np.array([[1.0], [-1.0], [0.5]]), "y": np.array([1, -1, 1]), "w": np.array([1.0]), "b": 0.0, "lam": 0.5}, "two margins exactly 1, one at 0.5")
    for i in range(22):
        yield _problem(rng, integers=(i % 2 == 0))
    yield hidden(_problem(rng, integers=True))


def _number(value):
    return type(value) in (int, float)


def compare(expected, got, case):
    if type(got) not in (tuple, list) or len(got) != 3:
        return "return a tuple (value, grad_w, grad_b)"
    value, grad_w, grad_b = got
    if not _number(value) or not _number(grad_b):
        return "the value and grad_b must be floats"
    if isinstance(grad_w, np.ndarray):
        if grad_w.dtype.kind not in "fi":
            return "grad_w must hold floats"
    elif type(grad_w) not in (list, tuple) or any(not _number(v) for v in grad_w):
        return "grad_w must be a 1-D array or a list of floats"
    grad_w = np.asarray(grad_w, dtype=float)
    want_value, want_w, want_b = expected
    want_w = np.asarray(want_w, dtype=float)
    if abs(value - want_value) > 1e-9 * abs(want_value) + 1e-12:
        return f"value: expected {want_value!r}, got {value!r}"
    if grad_w.shape != want_w.shape:
        return f"grad_w: expected {len(want_w)} values, got shape {grad_w.shape}"
    if not np.all(np.abs(grad_w - want_w) <= 1e-9 * np.abs(want_w) + 1e-12):
        return f"grad_w: expected {want_w.tolist()!r}, got {grad_w.tolist()!r}"
    if abs(grad_b - want_b) > 1e-9 * abs(want_b) + 1e-12:
        return f"grad_b: expected {want_b!r}, got {grad_b!r}"
    return True
