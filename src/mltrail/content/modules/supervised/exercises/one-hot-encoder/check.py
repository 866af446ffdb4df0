import numpy as np

from mltrail.grading.contract import hidden, labelled

VOCABULARY = [
    ["Adelie", "Chinstrap", "Gentoo"],
    ["Biscoe", "Dream", "Torgersen"],
    ["female", "male"],
    ["red", "green", "blue", "yellow", "black"],
    ["a", "b", "c", "d", "e", "f", "g"],
]


def _calls(*steps):
    # A step ("categories_", None) reads the attribute that fit must store.
    return {"init": {}, "calls": [[method, None if rows is None else {"rows": rows}] for method, rows in steps]}


def _rows(rng, vocabularies, n, probabilities):
    return [[str(v[int(rng.choice(len(v), p=p))]) for v, p in zip(vocabularies, probabilities)] for _ in range(n)]


def _problem(rng):
    c = int(rng.integers(1, 4))
    vocabularies = [VOCABULARY[int(i)] for i in rng.choice(len(VOCABULARY), size=c, replace=False)]
    vocabularies = [list(rng.permutation(v)) for v in vocabularies]
    # Skewed frequencies: rare categories are often missing from a small training set.
    probabilities = [rng.dirichlet(np.ones(len(v)) * 0.6) for v in vocabularies]
    train = _rows(rng, vocabularies, int(rng.integers(1, 12)), probabilities)
    steps = [("fit", train), ("categories_", None), ("transform", _rows(rng, vocabularies, int(rng.integers(0, 8)), probabilities))]
    if rng.random() < 0.3:
        steps.append(("transform", train))
    return _calls(*steps)


def cases(rng):
    train = [["Adelie", "Torgersen"], ["Gentoo", "Biscoe"], ["Adelie", "Dream"]]
    yield labelled(_calls(("fit", train), ("categories_", None), ("transform", [["Gentoo", "Dream"], ["Chinstrap", "Biscoe"]])),
                   "the worked example: an unseen category")
    yield labelled(_calls(("fit", train), ("transform", train)), "transform the training rows")
    yield labelled(_calls(("fit", [["b"], ["a"], ["c"], ["a"]]), ("categories_", None), ("transform", [["c"], ["a"], ["b"]])),
                   "one column, categories sorted")
    yield labelled(_calls(("fit", [["x", "y"]]), ("transform", [])), "an empty list of rows")
    yield labelled(_calls(("fit", [["male"], ["female"]]), ("transform", [["female"]]), ("fit", [["Dream"], ["Biscoe"], ["Torgersen"]]),
                          ("categories_", None), ("transform", [["Dream"]])),
                   "fit twice: the second fit replaces the first")
    yield labelled(_calls(("fit", [["b", "b"], ["a", "a"]]), ("transform", [["a", "b"], ["z", "z"]])), "two columns with the same values")
    for _ in range(22):
        yield _problem(rng)
    yield hidden(_problem(rng))


def _categories(value, want):
    """None if `value` holds the learnt categories `want` (lists, tuples or 1-D string arrays), else why not."""
    if type(value) not in (list, tuple) or len(value) != len(want):
        return f"categories_ must be a list with one entry per input column ({len(want)}): the sorted categories of each"
    for j, (column, expected) in enumerate(zip(value, want)):
        if isinstance(column, np.ndarray) and column.ndim == 1:
            column = column.tolist()
        if type(column) not in (list, tuple) or any(type(v) is not str for v in column):
            return f"categories_[{j}] must be a list of the category strings of column {j}"
        if list(column) != list(expected):
            return f"categories_[{j}]: expected {list(expected)!r}, the sorted distinct values of column {j} in the training rows; got {list(column)!r}"
    return None


def compare(expected, got, case):
    calls = case.args["calls"]
    if type(got) is not list or len(got) != len(expected):
        return "not the expected results"
    for (method, args), want, value in zip(calls, expected, got):
        if method == "fit":
            if value is not want:
                return "fit must return self (the object itself)"
            continue
        if method == "categories_":
            message = _categories(value, want)
            if message:
                return message
            continue
        if not isinstance(value, np.ndarray) and type(value) is not list:
            return f"transform must return a 2-D numpy array, not {type(value).__name__}"
        try:
            value = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            return "transform must return numbers 0 and 1"
        if len(args["rows"]) == 0:
            if value.size != 0:
                return "transform of no rows must be empty"
            continue
        if value.shape != want.shape:
            return f"transform: expected shape {want.shape} (rows x learnt categories), got {value.shape}"
        if not np.array_equal(value, want):
            row = int(np.argwhere(value != want)[0][0])
            return f"transform: row {row} {args['rows'][row]!r}: expected {want[row].tolist()!r}, got {value[row].tolist()!r}"
    return True
