import numpy as np

from mltrail.grading.contract import hidden, labelled


def _table(rng, n, d, loc, scale):
    return np.round(rng.normal(loc, scale, size=(n, d)), 3)


def _case(rng):
    n, m, d = int(rng.integers(2, 15)), int(rng.integers(1, 8)), int(rng.integers(1, 5))
    loc = rng.uniform(-100, 100, size=d)
    scale = rng.uniform(0.1, 30, size=d)
    train = _table(rng, n, d, loc, scale)
    test = _table(rng, m, d, loc + scale * rng.normal(0, 1, size=d), scale)  # test may drift
    if rng.random() < 0.25:
        j = int(rng.integers(0, d))
        train[:, j] = train[0, j]  # a constant training column
    return {"train": train.tolist(), "test": test.tolist()}


def cases(rng):
    yield labelled({"train": [[1.0, 10.0], [3.0, 10.0], [5.0, 10.0]], "test": [[3.0, 12.0], [7.0, 10.0]]}, "the worked example")
    yield labelled({"train": [[0.1], [0.1], [0.1]], "test": [[0.3], [0.1]]}, "a constant column of 0.1s: its computed std may not be exactly 0")
    yield labelled({"train": [[2.0, 4.0]], "test": [[3.0, 1.0]]}, "one training row: every column is constant")
    yield labelled({"train": [[0.0], [2.0]], "test": [[4.0]]}, "one test row")
    yield labelled({"train": [[1e6 + 1.0], [1e6 + 3.0]], "test": [[1e6 + 2.0], [1e6 + 5.0]]}, "large values with a small spread")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    try:
        have = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return f"return an m x d table of floats, got {type(got).__name__}"
    if have.shape != want.shape:
        return f"expected shape {want.shape} (one row per test row), got {have.shape}"
    if not np.all(np.isfinite(have)):
        return "your result holds inf or NaN: a constant training column must be scaled by 1"
    bad = np.abs(have - want) > 1e-7 * np.maximum(1.0, np.abs(want))
    if bad.any():
        i, j = (int(v) for v in np.argwhere(bad)[0])
        return f"entry ({i}, {j}): expected {float(want[i, j])!r}, got {float(have[i, j])!r}"
    return True
