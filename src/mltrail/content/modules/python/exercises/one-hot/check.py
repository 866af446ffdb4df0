from mltrail.grading.contract import hidden, labelled

COLOURS = ["red", "green", "blue", "black", "white", "yellow"]


def cases(rng):
    yield labelled({"labels": [], "classes": ["a", "b"]}, "no labels")
    yield labelled({"labels": ["b"], "classes": ["a", "b", "c"]}, "a single label")
    yield labelled({"labels": ["b", "a"], "classes": ["a", "b", "c"]}, "more classes than labels")
    yield labelled({"labels": [2, 0, 1, 2], "classes": [0, 1, 2]}, "integer classes")
    yield labelled(
        {"labels": ["dog", "cat", "dog"], "classes": ["dog", "cat", "bird"]},
        "classes not in sorted order",
    )
    yield labelled({"labels": ["x", "x", "x"], "classes": ["y", "x"]}, "a class that never occurs")
    for i in range(24):
        k = int(rng.integers(2, len(COLOURS) + 1))
        classes = [str(c) for c in rng.permutation(COLOURS)[:k]]
        if i % 3 == 0:
            classes = [int(c) for c in rng.permutation(10)[:k]]
        n = int(rng.integers(1, 12))
        labels = [classes[int(j)] for j in rng.integers(0, k, size=n)]
        yield {"labels": labels, "classes": classes}
    yield hidden({"labels": [i % 10 for i in range(50)], "classes": list(range(9, -1, -1))})
    yield hidden({"labels": ["only"], "classes": ["only"]})


def compare(expected, got, case):
    if type(got) is not list:
        return f"expected a list of rows, got {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} rows (one per label), got {len(got)}"
    for i, (row, want) in enumerate(zip(got, expected)):
        if type(row) is not list:
            return f"row {i}: expected a list, got {type(row).__name__}"
        if len(row) != len(want):
            return f"row {i}: expected {len(want)} columns (one per class), got {len(row)}"
        for j, value in enumerate(row):
            if type(value) is not int:
                return f"row {i}, column {j}: expected the int 0 or 1, got the {type(value).__name__} {value!r}"
        if row != want:
            return f"row {i}: expected {want}, got {row}"
    return True
