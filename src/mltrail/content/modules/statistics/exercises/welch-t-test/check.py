import math

from mltrail.grading.contract import hidden, labelled


def _group(rng, n, mu, spread):
    values = [round(float(v), 3) for v in rng.normal(mu, spread, size=n)]
    if len(set(values)) == 1:
        values[0] += spread
    return values


def cases(rng):
    yield labelled({"a": [5.1, 6.3, 4.8, 7.0, 5.5, 6.1], "b": [6.8, 7.9, 6.1, 8.4, 7.2, 9.0, 6.6, 7.7]}, "the worked example")
    yield labelled({"a": [1.0, 2.0, 3.0], "b": [1.0, 2.0, 3.0]}, "identical groups: t = 0, p = 1")
    yield labelled({"a": [1.0, 3.0], "b": [2.0, 4.0, 6.0, 8.0]}, "two values in one group")
    yield labelled({"a": [10.0, 10.2, 9.9, 10.1, 9.8], "b": [4.0, 16.0, 9.0, 13.0, 7.0, 12.0, 8.0, 11.0, 10.5, 14.0]}, "very different spreads")
    yield labelled({"a": [3.0, 4.0, 5.0, 4.0], "b": [1.0, 2.0, 1.5, 2.5]}, "a larger mean in a: positive t")
    for _ in range(22):
        na, nb = (int(v) for v in rng.integers(2, 30, size=2))
        sa, sb = (float(v) for v in rng.uniform(0.3, 5.0, size=2))
        mu = float(rng.uniform(-10, 10))
        # A difference of about one standard error, so that p-values spread over (0, 1).
        delta = float(rng.normal(0.0, 1.5)) * math.sqrt(sa**2 / na + sb**2 / nb)
        yield {"a": _group(rng, na, mu + delta, sa), "b": _group(rng, nb, mu, sb)}
    yield hidden({"a": _group(rng, 300, 0.0, 1.0), "b": _group(rng, 40, 0.4, 3.0)})
    yield hidden({"a": [0.0, 1.0], "b": [5.0, 6.0]})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (t, p)"
    for name, e, g in zip(("t", "the p-value"), expected, got):
        if type(g) is not float:
            return f"{name} must be a float, not {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-6, abs_tol=1e-9):
            return f"{name}: expected {e!r}, got {g!r}"
    return True
