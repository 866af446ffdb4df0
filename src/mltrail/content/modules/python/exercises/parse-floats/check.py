import math

from mltrail.grading.contract import hidden, labelled

BAD = ["abc", "", " ", "1,5", "1.2.3", "--3", "n/a", "?", "12a", "e5", "NA", "one", "3 4", "$10", "5%"]


def _good(rng):
    value = float(rng.normal(0.0, 50.0))
    style = int(rng.integers(0, 6))
    if style == 0:
        return str(int(value))
    if style == 1:
        return f"{value:.2f}"
    if style == 2:
        return f"{value:.3e}"
    if style == 3:
        return f" {value:.1f} "
    if style == 4:
        return f"+{abs(value):.4f}"
    return f".{int(rng.integers(0, 100)):02d}"


def cases(rng):
    yield labelled({"strings": []}, "empty list")
    yield labelled({"strings": ["3.25"]}, "one good string")
    yield labelled({"strings": ["oops"]}, "one bad string")
    yield labelled({"strings": ["-1.5", "2", "1e-3", ".5", " 7 "]}, "all good, in several formats")
    yield labelled({"strings": ["", "n/a", "1,5", "x"]}, "all bad")
    yield labelled({"strings": ["4", "four", "0", "-0.0", "4.0.0"]}, "mixed")
    for _ in range(24):
        n = int(rng.integers(1, 15))
        p_bad = float(rng.uniform(0.0, 0.6))
        strings = [str(rng.choice(BAD)) if rng.random() < p_bad else _good(rng) for _ in range(n)]
        yield {"strings": strings}
    yield hidden({"strings": [str(i) if i % 3 else f"#{i}" for i in range(300)]})
    yield hidden({"strings": ["1_0", "0x10", "1E2", "inf!"]})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return f"expected a tuple (values, bad), got {type(got).__name__} {got!r}"
    values, bad = got
    want_values, want_bad = expected
    if type(values) is not list:
        return f"values: expected a list of floats, got {type(values).__name__}"
    if any(type(v) is not float for v in values):
        return f"values: expected floats only, got {values!r}"
    if type(bad) is not int:
        return f"bad: expected an int (the number of bad strings), got the {type(bad).__name__} {bad!r}"
    if len(values) != len(want_values) or not all(
        math.isclose(v, w, rel_tol=1e-12, abs_tol=0.0) or v == w for v, w in zip(values, want_values)
    ):
        return f"values: expected {want_values!r}, got {values!r}"
    if bad != want_bad:
        return f"bad: expected {want_bad}, got {bad}"
    return True
