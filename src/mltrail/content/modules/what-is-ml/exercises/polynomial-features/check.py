import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    n = int(rng.integers(1, 12))
    return {"x": np.round(rng.uniform(-3.0, 3.0, size=n), 3).tolist(), "degree": int(rng.integers(1, 9))}


def cases(rng):
    yield labelled({"x": [2.0, -1.0, 0.5], "degree": 3}, "the worked example")
    yield labelled({"x": [1.5, -2.0], "degree": 0}, "degree 0: only the constant column")
    yield labelled({"x": [3.0], "degree": 8}, "one value, the highest degree")
    yield labelled({"x": [0.0, 1.0, -3.0], "degree": 1}, "degree 1: the constant and x itself")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.dtype.kind not in "fiu":
            return f"return numbers, not an array of dtype {got.dtype}"
        got = got.tolist()
    if type(got) in (list, tuple):  # rows may be 1-D arrays of numbers, as a list comprehension makes them
        got = [row.tolist() if isinstance(row, np.ndarray) and row.ndim == 1 and row.dtype.kind in "fiu" else row
               for row in got]
    if type(got) not in (list, tuple) or any(type(row) not in (list, tuple) for row in got):
        return "return a list of rows (a list of lists of floats), one per value of x"
    n, columns = len(expected), case.args["degree"] + 1
    if len(got) != n:
        return f"expected {n} rows, one per value of x, got {len(got)}"
    if any(len(row) != columns for row in got):
        return f"with degree {case.args['degree']} every row has {columns} entries: the powers 0 to {columns - 1}"
    if any(type(v) not in (int, float) for row in got for v in row):
        return "every entry must be a number"
    e, g = np.asarray(expected), np.asarray(got, dtype=float)
    bad = np.argwhere(np.abs(g - e) > 1e-9 * np.abs(e) + 1e-12)
    if len(bad):
        i, p = (int(v) for v in bad[0])
        return f"row {i}, power {p} of x = {case.args['x'][i]}: expected {float(e[i, p])!r}, got {float(g[i, p])!r}"
    return True
