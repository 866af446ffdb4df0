import math

from mltrail.grading.contract import hidden, labelled


def _counts(rng, rows, cols, high):
    table = rng.integers(0, high, size=(rows, cols))
    table[:, 0] += 1  # every row has a positive total
    return [[int(v) for v in row] for row in table]


def cases(rng):
    yield labelled({"counts": [[40, 10], [5, 45]]}, "the worked example")
    yield labelled({"counts": [[1, 2, 3], [2, 4, 6]]}, "proportional rows: independent variables")
    yield labelled({"counts": [[7, 0, 0], [0, 3, 1], [2, 2, 0]]}, "zeros in the table")
    yield labelled({"counts": [[5, 15]]}, "a single row")
    yield labelled({"counts": [[3], [8]]}, "a single column: every row is [1.0]")
    for _ in range(24):
        yield {"counts": _counts(rng, int(rng.integers(2, 6)), int(rng.integers(2, 6)), int(rng.integers(5, 200)))}
    yield hidden({"counts": _counts(rng, 10, 10, 10_000)})


def compare(expected, got, case):
    if type(got) is not list or len(got) != len(expected):
        return f"return a list of {len(expected)} rows (one per row of counts)"
    for i, (want, row) in enumerate(zip(expected, got)):
        if type(row) is not list or len(row) != len(want):
            return f"row {i} must be a list of {len(want)} floats"
        for j, (w, g) in enumerate(zip(want, row)):
            if type(g) is not float:
                return f"entry [{i}][{j}] must be a float, not {type(g).__name__}"
            if not math.isclose(g, w, rel_tol=1e-9, abs_tol=1e-12):
                return f"entry [{i}][{j}]: expected {w!r}, got {g!r} (row {i} should be {want})"
    return True
