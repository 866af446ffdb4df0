import numpy as np

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"x": np.array([2.0, 4.0, 10.0]), "feature_range": (0.0, 1.0)}, "to [0, 1]")
    yield labelled({"x": np.array([2.0, 4.0, 10.0]), "feature_range": (-1.0, 1.0)}, "to [-1, 1]")
    yield labelled({"x": np.array([3.0, 3.0, 3.0]), "feature_range": (0.0, 1.0)}, "constant array")
    yield labelled({"x": np.array([5.0]), "feature_range": (2.0, 4.0)}, "a single value")
    yield labelled({"x": np.array([-5.0, 0.0, 5.0, -10.0]), "feature_range": (0.0, 1.0)}, "negative values")
    yield labelled({"x": np.array([1, 3, 2, 5]), "feature_range": (10, 20)}, "int array and int range")
    yield labelled({"x": np.array([-2.0, -2.0]), "feature_range": (-3.0, -1.0)}, "constant, negative range")
    for _ in range(24):
        n = int(rng.integers(2, 20))
        x = rng.normal(float(rng.normal(0.0, 100.0)), float(rng.uniform(0.1, 50.0)), size=n)
        if rng.random() < 0.15:
            x = np.full(n, round(float(x[0]), 2))  # now and then a constant array
        lo = round(float(rng.uniform(-5.0, 2.0)), 1)
        hi = round(lo + float(rng.uniform(0.5, 5.0)), 1)
        yield {"x": x, "feature_range": (lo, hi)}
    yield hidden({"x": np.arange(1000, dtype=float) ** 0.5, "feature_range": (-1.0, 1.0)})
    yield hidden({"x": np.full(6, 42.0), "feature_range": (0.5, 0.75)})


def compare(expected, got, case):
    if type(got) is not np.ndarray:
        return f"expected a numpy array of floats, got {type(got).__name__}"
    if got.dtype.kind != "f":
        return f"expected an array of floats, got dtype {got.dtype}"
    if got.shape != expected.shape:
        return f"expected shape {expected.shape}, got shape {got.shape}"
    close = np.isclose(got, expected, rtol=1e-6, atol=1e-9, equal_nan=True)
    if not close.all():
        index = tuple(int(i) for i in np.argwhere(~close)[0])
        where = index[0] if len(index) == 1 else index
        return f"at index {where}: expected {expected[index]!r}, got {got[index]!r}"
    return True
