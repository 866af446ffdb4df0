import math

from mltrail.grading.contract import hidden, labelled


def _sample(rng, n):
    return [float(round(v, 4)) for v in rng.normal(rng.uniform(-20, 20), rng.uniform(0.3, 6), size=n)]


def cases(rng):
    yield labelled({"values": [12.0, 15.0, 11.0, 14.0, 13.0]}, "the worked example")
    yield labelled({"values": [1.0, 3.0]}, "two values")
    yield labelled({"values": [2.5, 2.5, 2.5]}, "all equal: variance 0")
    yield labelled({"values": [-4.0, 0.0, 4.0, 8.0]}, "negative values")
    for _ in range(24):
        yield {"values": _sample(rng, int(rng.integers(2, 30)))}
    yield hidden({"values": _sample(rng, 1000)})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (mu_hat, var_hat)"
    for name, want, value in zip(("mu_hat", "var_hat"), expected, got):
        if type(value) is not float:
            return f"{name} must be a float, not {type(value).__name__}"
        if not math.isclose(value, want, rel_tol=1e-9, abs_tol=1e-12):
            return f"{name}: expected {want!r}, got {value!r}"
    return True
