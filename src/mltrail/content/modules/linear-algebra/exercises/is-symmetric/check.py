import numpy as np

from mltrail.grading.contract import hidden, labelled


def _symmetric(rng, n):
    m = rng.normal(0.0, 3.0, size=(n, n))
    # (m + m.T) / 2 is exactly symmetric in floating point; rounding keeps it so.
    return np.round((m + m.T) / 2.0, 2)


def _random_case(rng):
    n = int(rng.integers(1, 6))
    tol = [0.0, 1e-8, 0.01, 0.5][int(rng.integers(0, 4))]
    kind = int(rng.integers(0, 5))
    if kind == 0:
        # Not square: the top-left square block is symmetric, to catch a missing shape check.
        rows, cols = (n, n + 1) if rng.random() < 0.5 else (n + 1, n)
        big = _symmetric(rng, n + 1)
        return {"a": big[:rows, :cols].copy(), "tol": tol}
    a = _symmetric(rng, n)
    if n >= 2 and kind in (1, 2, 3):
        i, j = rng.choice(n, size=2, replace=False)
        sign = float(rng.choice([-1.0, 1.0]))
        if kind == 1:
            # A mismatch well inside the tolerance: still symmetric.
            a[i, j] = a[j, i] + sign * 0.5 * tol
        else:
            # A mismatch clearly above the tolerance: not symmetric.
            a[i, j] = a[j, i] + sign * rng.uniform(1.5, 3.0) * max(tol, 0.01)
    return {"a": a, "tol": tol}


def cases(rng):
    yield labelled({"a": np.array([[1.0, 2.0], [2.0, 3.0]]), "tol": 0.0}, "exactly symmetric, tol 0")
    yield labelled({"a": np.array([[1.0, 2.0], [3.0, 4.0]]), "tol": 0.0}, "not symmetric")
    yield labelled({"a": np.array([[5.0]]), "tol": 0.0}, "a 1x1 matrix")
    yield labelled(
        {"a": np.array([[1.0, 2.0, 0.0], [2.0, 3.0, 1.0]]), "tol": 1.0}, "2x3: not square"
    )
    yield labelled({"a": np.array([[1.0, 1.0], [1.5, 1.0]]), "tol": 0.5}, "mismatch exactly equal to tol")
    yield labelled({"a": np.array([[1.0, 1.0], [1.5, 1.0]]), "tol": 0.25}, "mismatch larger than tol")
    yield labelled(
        {"a": np.array([[2.0, 1.0, 0.0], [1.0, 3.0, -4.0], [0.1, -4.0, 5.0]]), "tol": 0.01},
        "3x3, only the corners differ",
    )
    yield labelled(
        {"a": np.array([[2.0, 1.0, 7.0], [1.0, 3.0, -4.0]]).T.copy(), "tol": 10.0},
        "3x2: not square, even with a large tol",
    )
    for _ in range(22):
        yield _random_case(rng)
    yield hidden({"a": _symmetric(rng, 6), "tol": 0.0})
    yield hidden(_random_case(rng))
