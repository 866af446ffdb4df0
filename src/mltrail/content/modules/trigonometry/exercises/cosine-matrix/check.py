from mltrail.grading.contract import hidden, labelled


def _rows(rng, n, d):
    rows = []
    for _ in range(n):
        row = [round(float(x), 2) for x in rng.normal(0.0, 2.0, size=d)]
        if not any(row):
            row[0] = 1.0
        rows.append(row)
    return rows


def cases(rng):
    yield labelled({"X": [[1.0, 0.0], [1.0, 1.0], [0.0, -2.0]]}, "three directions in the plane")
    yield labelled({"X": [[3.0, 4.0]]}, "a single row")
    yield labelled({"X": [[1.0, 2.0, 2.0], [10.0, 20.0, 20.0], [-0.5, -1.0, -1.0]]}, "same line, different lengths")
    yield labelled({"X": [[5.0], [-2.0], [0.1]]}, "one feature: only signs matter")
    yield labelled({"X": [[1.0, 1.0], [100.0, 0.0]]}, "rows of very different lengths")
    for _ in range(22):
        yield {"X": _rows(rng, int(rng.integers(1, 7)), int(rng.integers(1, 6)))}
    yield hidden({"X": _rows(rng, 12, 16)})
    yield hidden({"X": [[0.0, 0.0, 4.0], [0.0, 2.0, 0.0], [1.0, 1.0, 1.0]]})


def compare(expected, got, case):
    n = len(expected)
    if type(got) is not list or len(got) != n:
        return f"return a list of {n} rows"
    for i, (e_row, g_row) in enumerate(zip(expected, got)):
        if type(g_row) is not list or len(g_row) != n or any(type(g) is not float for g in g_row):
            return f"row {i}: expected a list of {n} floats, got {g_row!r}"
        for j, (e, g) in enumerate(zip(e_row, g_row)):
            # Cosines lie in [-1, 1]; any order of summation agrees to about d * 1e-16.
            if abs(g - e) > 1e-9:
                return f"[{i}][{j}]: expected {e!r}, got {g!r}"
    return True
