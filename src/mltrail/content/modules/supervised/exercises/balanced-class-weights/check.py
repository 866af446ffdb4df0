import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"y": [0, 0, 0, 0, 0, 0, 1, 1]}, "the worked example")
    yield labelled({"y": [1, 0, 1, 0]}, "balanced classes: every weight 1")
    yield labelled({"y": [3, 3, 3]}, "a single class")
    yield labelled({"y": [2, 7, 7, 7, -1, 7, 7, 7, 7, 7]}, "three classes, labels -1, 2 and 7")
    yield labelled({"y": [0] * 99 + [1]}, "one positive in a hundred")
    for _ in range(22):
        k = int(rng.integers(2, 6))
        labels = [int(v) for v in rng.choice(range(-3, 12), size=k, replace=False)]
        p = rng.dirichlet([0.5] * k)
        n = int(rng.integers(k, 200))
        y = [labels[i] for i in range(k)] + [labels[int(i)] for i in rng.choice(k, size=n - k, p=p)]
        yield {"y": [int(v) for v in rng.permutation(y)]}
    yield hidden({"y": [5] * 1000 + [6] * 10 + [7]})


def compare(expected, got, case):
    if type(got) is not dict:
        return f"return a dict, not {type(got).__name__}"
    if set(got) != set(expected):
        return f"expected one key per distinct label, {sorted(expected)!r}; got {sorted(got, key=repr)!r}"
    for label, want in expected.items():
        value = got[label]
        if type(value) not in (int, float):
            return f"label {label}: expected a float, got {type(value).__name__}"
        if not math.isclose(value, want, rel_tol=1e-9):
            return f"label {label}: expected {want!r}, got {value!r}"
    return True
