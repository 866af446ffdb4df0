import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"coeffs": [5.0, -3.0, 0.0, 2.0]}, "the worked example")
    yield labelled({"coeffs": [7.0]}, "a constant: derivative [0.0]")
    yield labelled({"coeffs": [1.0, 4.0]}, "a line: derivative is its slope")
    yield labelled({"coeffs": [0.0, 0.0, 1.0]}, "x**2: derivative 2x")
    yield labelled({"coeffs": [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]}, "all ones, degree 5")
    for _ in range(22):
        n = int(rng.integers(2, 9))
        yield {"coeffs": [float(v) for v in rng.integers(-9, 10, size=n)] if rng.random() < 0.5 else [round(float(v), 3) for v in rng.normal(0.0, 3.0, size=n)]}
    yield hidden({"coeffs": [round(float(v), 3) for v in rng.normal(0.0, 1.0, size=15)]})


def compare(expected, got, case):
    if not isinstance(got, list):
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected {len(expected)} coefficients (one fewer than the input, or [0.0] for a constant), got {len(got)}"
    for k, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not float:
            return f"coefficient {k} must be a float, not {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-12, abs_tol=1e-12):
            return f"coefficient of x**{k}: expected {e!r}, got {g!r}"
    return True
