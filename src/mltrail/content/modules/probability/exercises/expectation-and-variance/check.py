import math

from mltrail.grading.contract import hidden, labelled


def _distribution(rng, n):
    values = [float(round(v, 3)) for v in rng.normal(rng.uniform(-5, 5), rng.uniform(0.5, 10), size=n)]
    probs = [float(p) for p in rng.dirichlet(rng.uniform(0.3, 3.0, size=n))]
    return {"values": values, "probs": probs}


def cases(rng):
    yield labelled({"values": [10.0, 1.0, 0.0], "probs": [0.1, 0.3, 0.6]}, "the worked example")
    yield labelled({"values": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], "probs": [1 / 6] * 6}, "a fair die")
    yield labelled({"values": [0.0, 1.0], "probs": [0.75, 0.25]}, "a Bernoulli(0.25) variable")
    yield labelled({"values": [4.2], "probs": [1.0]}, "a constant: variance 0")
    yield labelled({"values": [-1.0, 1.0, 100.0], "probs": [0.5, 0.5, 0.0]}, "a value of probability 0")
    for _ in range(24):
        yield _distribution(rng, int(rng.integers(2, 12)))
    yield hidden(_distribution(rng, 500))


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (mean, variance)"
    for name, want, value in zip(("mean", "variance"), expected, got):
        if type(value) is not float:
            return f"{name} must be a float, not {type(value).__name__}"
        if not math.isclose(value, want, rel_tol=1e-7, abs_tol=1e-9):
            return f"{name}: expected {want!r}, got {value!r}"
    return True
