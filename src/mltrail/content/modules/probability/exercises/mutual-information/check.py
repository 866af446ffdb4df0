import math

from mltrail.grading.contract import hidden, labelled


def _counts(rng, rows, cols, high, empty):
    table = rng.integers(0, high, size=(rows, cols))
    if empty:
        table[rng.random(size=table.shape) < 0.3] = 0
    table[0, 0] += 1  # a positive grand total
    return [[int(v) for v in row] for row in table]


def cases(rng):
    yield labelled({"counts": [[40, 10], [10, 40]]}, "the worked example")
    yield labelled({"counts": [[10, 20], [30, 60]]}, "proportional rows: independent, 0")
    yield labelled({"counts": [[50, 0], [0, 50]]}, "the label is the feature: log 2")
    yield labelled({"counts": [[5, 0, 3], [0, 0, 0], [2, 7, 0]]}, "an empty row and empty cells")
    yield labelled({"counts": [[12, 30, 7]]}, "a single row: 0")
    for i in range(24):
        yield {"counts": _counts(rng, int(rng.integers(2, 6)), int(rng.integers(2, 6)), int(rng.integers(3, 100)), i % 2 == 0)}
    yield hidden({"counts": _counts(rng, 12, 9, 1000, True)})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if math.isnan(got):
        return "got nan: an empty cell contributes 0 (0 log 0 = 0)"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
