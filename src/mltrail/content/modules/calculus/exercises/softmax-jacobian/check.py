import numpy as np

from mltrail.grading.contract import hidden, labelled


def _z(rng, k, offset):
    values = np.clip(rng.normal(offset, rng.uniform(0.5, 3.0), size=k), -1000.0, 1000.0)  # the prompt's range
    return [round(float(v), 3) for v in values]


def cases(rng):
    yield labelled({"z": [0.0, 0.0]}, "the worked example: two equal logits")
    yield labelled({"z": [5.0]}, "one class: softmax is always 1, the Jacobian [[0.0]]")
    yield labelled({"z": [1.0, 2.0, 3.0]}, "three classes")
    yield labelled({"z": [1000.0, 999.0, 998.0]}, "large logits: exp overflows without the max shift")
    yield labelled({"z": [-1000.0, 0.0, 1.0]}, "a class with probability about e**-1000")
    for i in range(22):
        k = int(rng.integers(2, 7))
        offset = float(rng.uniform(720.0, 990.0)) * (1 if i % 2 else -1) if i % 3 == 0 else 0.0
        yield {"z": _z(rng, k, offset)}
    yield hidden({"z": _z(rng, 10, 0.0)})


def compare(expected, got, case):
    expected = np.asarray(expected)
    k = expected.shape[0]
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) is not float for row in got for v in row):
            return "every entry must be a float"
    else:
        return f"return a list of K lists of floats, not {type(got).__name__}"
    try:
        g = np.asarray(got, dtype=float)
    except ValueError:
        return f"return a {k} x {k} matrix (all rows of length {k})"
    if g.shape != (k, k):
        return f"expected a {k} x {k} matrix, got shape {g.shape}"
    bad = np.argwhere(~(np.abs(g - expected) <= 1e-12))
    if len(bad):
        i, j = bad[0]
        return f"entry ({i}, {j}): expected {float(expected[i, j])!r}, got {float(g[i, j])!r}"
    return True
