import math

from mltrail.grading.contract import hidden, labelled


def _values(rng, n, mu, spread):
    values = [round(float(v), 4) for v in rng.normal(mu, spread, size=n)]
    if len(set(values)) == 1:
        values[0] += spread
    return values


def cases(rng):
    yield labelled({"values": [0.021, -0.004, 0.013, 0.008, 0.017, -0.002, 0.011, 0.006], "mu0": 0.0}, "the worked example")
    yield labelled({"values": [1.0, 2.0, 3.0, 4.0, 5.0], "mu0": 3.0}, "mean equal to mu0: t = 0, p = 1")
    yield labelled({"values": [4.0, 6.0], "mu0": 0.0}, "two values: one degree of freedom")
    yield labelled({"values": [9.0, 9.5, 10.0, 8.5, 9.0, 9.5], "mu0": 10.0}, "a mean below mu0: negative t")
    yield labelled({"values": [5.1, 4.9, 5.0, 5.2, 4.8, 5.0, 5.1, 4.9, 5.0, 5.05], "mu0": 4.0}, "far from mu0: a tiny p-value")
    for _ in range(22):
        n = int(rng.integers(3, 40))
        spread = float(rng.uniform(0.5, 5.0))
        mu0 = round(float(rng.uniform(-10, 10)), 2)
        # Effects of about one standard error, so that p-values spread over (0, 1).
        mu = mu0 + float(rng.normal(0.0, 1.5)) * spread / math.sqrt(n)
        yield {"values": _values(rng, n, mu, spread), "mu0": mu0}
    yield hidden({"values": _values(rng, 500, 0.1, 1.0), "mu0": 0.0})
    yield hidden({"values": [2.0, 3.0, 7.0], "mu0": 1.0})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (t, p)"
    for name, e, g in zip(("t", "the p-value"), expected, got):
        if type(g) is not float:
            return f"{name} must be a float, not {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-6, abs_tol=1e-9):
            return f"{name}: expected {e!r}, got {g!r}"
    return True
