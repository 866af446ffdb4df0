import math

from mltrail.grading.contract import hidden, labelled


def _experiment(rng, n_low, n_high):
    na, nb = (int(v) for v in rng.integers(n_low, n_high, size=2))
    base = float(rng.uniform(0.02, 0.4))
    # A true lift of about one standard error, so that p-values spread over (0, 1).
    lift = float(rng.normal(0.0, 1.5)) * math.sqrt(base * (1 - base) * (1 / na + 1 / nb))
    rate_b = min(max(base + lift, 0.001), 0.999)
    ca, cb = int(rng.binomial(na, base)), int(rng.binomial(nb, rate_b))
    if ca + cb == 0:
        ca = 1
    if ca + cb == na + nb:
        ca -= 1
    return {"conversions_a": ca, "visitors_a": na, "conversions_b": cb, "visitors_b": nb}


def cases(rng):
    yield labelled({"conversions_a": 100, "visitors_a": 2000, "conversions_b": 130, "visitors_b": 2000}, "the worked example")
    yield labelled({"conversions_a": 50, "visitors_a": 1000, "conversions_b": 50, "visitors_b": 1000}, "equal rates: z = 0, p = 1")
    yield labelled({"conversions_a": 90, "visitors_a": 1000, "conversions_b": 60, "visitors_b": 1000}, "B converts worse: negative z")
    yield labelled({"conversions_a": 30, "visitors_a": 500, "conversions_b": 84, "visitors_b": 1200}, "groups of different sizes")
    yield labelled({"conversions_a": 0, "visitors_a": 300, "conversions_b": 6, "visitors_b": 300}, "no conversion in A")
    for _ in range(22):
        yield _experiment(rng, 50, 5000)
    yield hidden(_experiment(rng, 50000, 200000))
    yield hidden({"conversions_a": 1, "visitors_a": 2, "conversions_b": 2, "visitors_b": 3})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (z, p)"
    for name, e, g in zip(("z", "the p-value"), expected, got):
        if type(g) is not float:
            return f"{name} must be a float, not {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-6, abs_tol=1e-9):
            return f"{name}: expected {e!r}, got {g!r}"
    return True
