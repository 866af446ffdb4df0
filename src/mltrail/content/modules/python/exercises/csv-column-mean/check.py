import math

from mltrail.grading.contract import Case

COLUMNS = ["age", "height", "price", "score", "temp", "weight"]
NOTES = ["ok", "checked", "red, large", "late, excused", "n/a", "blue"]


def _case(args, text, label=None, hidden=False):
    return Case(args, files={args["path"]: text}, label=label, hidden=hidden)


def _random_csv(rng):
    n_rows = int(rng.integers(1, 15))
    numeric = [str(c) for c in rng.permutation(COLUMNS)[: int(rng.integers(1, 4))]]
    header = ["id", *numeric, "note"]
    order = [header[0]] + [str(c) for c in rng.permutation(header[1:])]
    target = str(rng.choice(numeric))
    empty_target = rng.random() < 0.15  # now and then the column has no value at all
    lines = [",".join(order)]
    for i in range(n_rows):
        row = {"id": str(i + 1)}
        for name in numeric:
            if rng.random() < 0.2 or (empty_target and name == target):
                row[name] = ""
            elif rng.random() < 0.3:
                row[name] = str(int(rng.integers(-100, 100)))
            else:
                row[name] = f"{float(rng.normal(20.0, 15.0)):.3f}"
        note = str(rng.choice(NOTES))
        row["note"] = f'"{note}"' if "," in note else note
        lines.append(",".join(row[name] for name in order))
    text = "\n".join(lines)
    if rng.random() < 0.7:
        text += "\n"
    return target, text


def cases(rng):
    yield _case({"path": "data.csv", "column": "x"}, "x\n1\n2\n4\n", "one column")
    yield _case({"path": "data.csv", "column": "x"}, "x,y\n2.5,1\n", "a single row")
    yield _case({"path": "data.csv", "column": "y"}, "x,y\n1,10\n2,\n3,20\n", "an empty cell is skipped")
    yield _case({"path": "data.csv", "column": "y"}, "x,y\n1,\n2,\n", "no value at all")
    yield _case({"path": "data.csv", "column": "y"}, "x,y\n", "header only")
    yield _case({"path": "prices.csv", "column": "price"}, "item,price\nA,-1.5\nB,2\nC,-3.5", "negatives, no final newline")
    yield _case(
        {"path": "data.csv", "column": "value"},
        'note,value\n"big, red",4\n"small, blue",6\nplain,\n',
        "commas inside quoted cells",
    )
    yield _case({"path": "data.csv", "column": "b"}, "a,b,c\n1,1e3,x\n2,,y\n3,-1e3,z\n", "scientific notation")
    yield _case(
        {"path": "cities.csv", "column": "temp"}, "ville,temp\nZürich,3.5\nMontréal,-4.5\n\"Köln, Süd\",\n", "UTF-8 text with accents"
    )
    for i in range(24):
        target, text = _random_csv(rng)
        yield _case({"path": f"table{i}.csv", "column": target}, text)
    yield _case(
        {"path": "big.csv", "column": "v"},
        "v,w\n" + "".join(f"{k * 0.5},{k}\n" if k % 4 else f",{k}\n" for k in range(200)),
        hidden=True,
    )
    yield _case({"path": "data.csv", "column": "z"}, 'z,note\n,"a, b"\n7,"c, d"\n', hidden=True)


def compare(expected, got, case):
    if expected is None:
        return True if got is None else f"expected None (the column has no value), got {got!r}"
    if type(got) is not float:
        return f"expected a float, got the {type(got).__name__} {got!r}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9):
        return f"expected {expected!r}, got {got!r}"
    return True
