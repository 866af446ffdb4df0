from mltrail.grading.contract import hidden, labelled

NAMES = ["a", "b", "c", "d", "e"]


def _case(rng):
    k = int(rng.integers(1, 5))
    names = [NAMES[i] for i in rng.choice(len(NAMES), size=k, replace=False)]
    n = int(rng.integers(max(2, k), 60))
    groups = [names[i % k] if i < k else names[int(rng.integers(0, k))] for i in range(n)]
    base = {g: float(rng.uniform(0.1, 0.8)) for g in names}
    y_true = [int(rng.random() < base[g]) for g in groups]
    if not any(y_true):
        y_true[int(rng.integers(0, n))] = 1
    skill = float(rng.uniform(0.5, 0.95))
    y_pred = [t if rng.random() < skill else 1 - t for t in y_true]
    return {"y_true": y_true, "y_pred": y_pred, "groups": groups}


def cases(rng):
    y_true = [1, 1, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0]
    y_pred = [1, 1, 0, 1, 1, 0, 1, 0, 0, 0, 0, 0]
    groups = ["a"] * 6 + ["b"] * 6
    yield labelled({"y_true": y_true, "y_pred": y_pred, "groups": groups}, "the worked example")
    yield labelled({"y_true": [1, 0, 1, 0], "y_pred": [1, 0, 0, 1], "groups": ["x", "x", "x", "x"]}, "one group: both differences 0")
    yield labelled({"y_true": [1, 1, 0, 0, 0], "y_pred": [1, 0, 1, 1, 0], "groups": ["a", "a", "b", "b", "b"]}, "group b has no actual positive: left out of equal opportunity")
    yield labelled({"y_true": [1, 0, 1, 0, 1, 0], "y_pred": [1, 1, 1, 1, 1, 1], "groups": ["p", "p", "q", "q", "r", "r"]}, "everyone predicted positive: both 0")
    yield labelled({"y_true": [1, 1, 0, 1, 0, 0], "y_pred": [1, 0, 0, 1, 1, 0], "groups": ["b", "a", "c", "c", "a", "b"]}, "groups interleaved")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if not isinstance(got, dict):
        return f"return a dict with the two differences, not {type(got).__name__}"
    if set(got) != set(expected):
        return f"expected the keys {sorted(expected)}, got {sorted(map(str, got))}"
    for key, want in expected.items():
        value = got[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{key}: expected a float, got {type(value).__name__}"
        if abs(value - want) > 1e-9:
            return f"{key}: expected {want!r}, got {value!r}"
    return True
