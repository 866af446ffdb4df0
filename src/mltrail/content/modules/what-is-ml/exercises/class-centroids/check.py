import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng):
    k = int(rng.integers(2, 5))
    d = int(rng.integers(1, 6))
    names = rng.permutation(10)[:k]
    centres = rng.normal(0.0, 3.0, size=(k, d))
    counts = rng.integers(1, 12, size=k)
    which = rng.permutation(np.repeat(np.arange(k), counts))
    X = np.round(centres[which] + rng.normal(0.0, 1.0, size=(len(which), d)), 3)
    return {"X": X.tolist(), "y": [int(names[j]) for j in which]}


def cases(rng):
    yield labelled({"X": [[0.0, 2.0], [4.0, 0.0], [1.0, 1.0], [2.0, 4.0]], "y": [7, 3, 3, 7]}, "the worked example")
    yield labelled({"X": [[1.0, 2.0, 3.0], [3.0, 2.0, 1.0], [0.0, 0.0, 6.0]], "y": [1, 0, 1]},
                   "a class with a single row is its own centroid")
    yield labelled({"X": [[1.0], [2.0], [3.0], [10.0]], "y": [5, 5, 5, 2]}, "one feature, labels not starting at 0")
    yield labelled({"X": [[2.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0], [0.0, 0.0, 2.0, 0.0], [0.0, 0.0, 0.0, 2.0]],
                    "y": [0, 0, 1, 1]}, "as many features as rows")
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
        return "return a list of rows (a list of lists of floats), one per class"
    e = np.asarray(expected)
    if len(got) != e.shape[0]:
        return f"expected {e.shape[0]} rows, one per distinct label, got {len(got)}"
    if any(len(row) != e.shape[1] for row in got):
        return f"every row must have {e.shape[1]} entries, one per feature (column of X)"
    if any(type(v) not in (int, float) for row in got for v in row):
        return "every entry must be a number"
    g = np.asarray(got, dtype=float)
    scale = float(np.abs(np.asarray(case.args["X"], dtype=float)).max()) + 1e-300
    bad = np.argwhere(np.abs(g - e) > 1e-9 * scale)
    if len(bad):
        i, j = (int(v) for v in bad[0])
        labels = sorted(set(case.args["y"]))
        return f"row {i} (label {labels[i]}), feature {j}: expected {float(e[i, j])!r}, got {float(g[i, j])!r}"
    return True
