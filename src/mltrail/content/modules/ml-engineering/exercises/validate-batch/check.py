import math

from mltrail.grading.contract import hidden, labelled

RULES = {
    "age": {"type": "int", "min": 0, "max": 120},
    "income": {"type": "float", "min": 0.0},
    "score": {"type": "float", "min": -1.0, "max": 1.0, "nullable": True},
    "plan": {"type": "str", "nullable": True},
    "country": {"type": "str"},
    "clicks": {"type": "int", "min": 0, "nullable": True},
}
GOOD = {
    "age": lambda r: int(r.integers(0, 121)),
    "income": lambda r: float(round(float(r.uniform(0, 90000)), 2)) if r.random() < 0.7 else int(r.integers(0, 90000)),
    "score": lambda r: float(round(float(r.uniform(-1, 1)), 3)),
    "plan": lambda r: ["basic", "pro", "team"][int(r.integers(0, 3))],
    "country": lambda r: ["FR", "NO", "EC", "IN", "GH"][int(r.integers(0, 5))],
    "clicks": lambda r: int(r.integers(0, 50)),
}
BAD_RANGE = {
    "age": lambda r: int(r.choice([-5, -1, 121, 150])),
    "income": lambda r: float(-round(float(r.uniform(0.01, 100)), 2)),
    "score": lambda r: float(r.choice([-1.5, 1.01, 3.0])),
    "clicks": lambda r: -int(r.integers(1, 5)),
}
BAD_TYPE = {
    "int": lambda r: [3.0, "41", True, False, 7.5][int(r.integers(0, 5))],
    "float": lambda r: ["3.2", True, False, "n/a"][int(r.integers(0, 4))],
    "str": lambda r: [1, 2.5, True][int(r.integers(0, 3))],
}


def _value(rng, column):
    u = rng.random()
    if u < 0.08:
        return None
    if u < 0.14 and RULES[column]["type"] != "str":
        return math.nan
    if u < 0.24 and column in BAD_RANGE:
        return BAD_RANGE[column](rng)
    if u < 0.34:
        return BAD_TYPE[RULES[column]["type"]](rng)
    return GOOD[column](rng)


def _batch(rng):
    names = list(RULES)
    k = int(rng.integers(2, 6))
    columns = [names[i] for i in sorted(rng.choice(len(names), size=k, replace=False))]
    schema = {c: dict(RULES[c]) for c in columns}
    rows = []
    for _ in range(int(rng.integers(1, 9))):
        row = {}
        for c in columns:
            if rng.random() < 0.06:
                continue  # the key is absent
            row[c] = _value(rng, c)
        if rng.random() < 0.15:
            row["extra_" + str(int(rng.integers(0, 3)))] = "?"
        rows.append(row)
    return {"rows": rows, "schema": schema}


def cases(rng):
    schema = {"age": RULES["age"], "income": RULES["income"], "plan": RULES["plan"]}
    rows = [
        {"age": 34, "income": 41000.0, "plan": "basic"},
        {"age": -3, "income": 52000, "plan": None},
        {"age": "41", "income": None, "plan": "pro"},
        {"age": 28, "income": math.nan, "plan": "pro", "coupon": "X1"},
    ]
    yield labelled({"rows": rows, "schema": schema}, "the worked example")
    yield labelled({"rows": [{"age": 120, "income": 0.0}], "schema": schema}, "bounds are inclusive; plan may be missing")
    yield labelled({"rows": [{"age": True, "income": False, "plan": "x"}], "schema": schema}, "booleans are not numbers")
    yield labelled({"rows": [{"age": 30.0, "income": 5, "plan": 3}], "schema": schema}, "3.0 is not an int; 5 is a float value; 3 is not a str")
    yield labelled({"rows": [{"income": math.nan, "plan": math.nan}], "schema": schema}, "absent key and NaN are missing; a NaN in a nullable column is fine")
    yield labelled({"rows": [{"score": None, "clicks": None}], "schema": {"score": RULES["score"], "clicks": RULES["clicks"]}}, "missing values in nullable columns with ranges: no problem")
    yield labelled({"rows": [], "schema": schema}, "an empty batch")
    for _ in range(22):
        yield _batch(rng)
    yield hidden(_batch(rng))


def _key(problem):
    return (problem[0], str(problem[1]), str(problem[2]))


def compare(expected, got, case):
    if not isinstance(got, (list, tuple)):
        return f"return a list of problems, not {type(got).__name__}"
    for p in got:
        if not isinstance(p, (list, tuple)) or len(p) != 3 or type(p[0]) is not int or not all(isinstance(v, str) for v in p[1:]):
            return f"each problem must be [row_index, column, kind] with an int index and two strings; got {p!r}"
    want = sorted((tuple(p) for p in expected), key=_key)
    have = sorted((tuple(p) for p in got), key=_key)
    if want == have:
        return True
    extra = [list(p) for p in have if p not in want]
    lacking = [list(p) for p in want if p not in have]
    parts = []
    if lacking:
        parts.append(f"missing from your list: {lacking}")
    if extra:
        parts.append(f"not problems (or reported twice): {extra}")
    return "; ".join(parts) or f"expected {len(want)} problems, got {len(have)}"
