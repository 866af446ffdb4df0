from mltrail.grading.contract import hidden, labelled

NAMES = ["age", "income", "city", "churned", "score", "plan"]
CITIES = ["Lyon", "Oslo", "Quito", "Pune", "Accra"]


def _value(rng, column):
    if rng.random() < 0.1:
        return None
    if column == "age":
        return int(rng.integers(18, 90))
    if column in ("income", "score"):
        return float(round(float(rng.normal(0.0, 1000.0)), int(rng.integers(0, 4))))
    if column == "churned":
        return bool(rng.random() < 0.5)
    if column == "city":
        return CITIES[int(rng.integers(0, len(CITIES)))]
    return f"plan-{int(rng.integers(0, 4))}"


def _row(rng, columns):
    order = [columns[i] for i in rng.permutation(len(columns))]  # keys arrive in any order
    return {c: _value(rng, c) for c in order}


def _table(rng):
    k = int(rng.integers(2, len(NAMES) + 1))
    columns = [NAMES[i] for i in sorted(rng.choice(len(NAMES), size=k, replace=False))]
    rows = [_row(rng, columns) for _ in range(int(rng.integers(1, 8)))]
    if len(rows) > 1 and rng.random() < 0.3:
        rows.append(dict(rows[0]))  # a duplicate row
    return rows


def cases(rng):
    a = [{"age": 41, "income": 52000.0}, {"age": 29, "income": 31000.5}]
    yield labelled({"rows": a}, "the worked example")
    yield labelled({"rows": [{"income": 31000.5, "age": 29}, {"income": 52000.0, "age": 41}]}, "the same table: rows and keys in another order")
    yield labelled({"rows": [{"b": 2, "a": 1}]}, "one row whose keys are not in sorted order")
    yield labelled({"rows": [{"x": 1}, {"x": 1}]}, "a duplicate row counts")
    yield labelled({"rows": []}, "an empty table: the digest of the empty string")
    yield labelled({"rows": [{"city": "Oslo", "churned": True, "score": None}]}, "a bool and a missing value")
    yield labelled({"rows": [{"city": "Malmö", "age": 33}, {"city": "São Paulo", "age": 27}]}, "text beyond ASCII, which json.dumps escapes by default")
    for _ in range(22):
        yield {"rows": _table(rng)}
    yield hidden({"rows": _table(rng)})
