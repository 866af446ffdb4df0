import math

from mltrail.grading.contract import hidden, labelled


def _group(rng, n, mu, spread):
    return [round(float(v), 2) for v in rng.normal(mu, spread, size=n)]


def cases(rng):
    yield labelled({"a": [3.1, 4.0, 3.6, 2.9, 3.8], "b": [4.2, 3.9, 4.6, 4.4, 3.7, 4.8], "n_permutations": 2000, "seed": 0}, "the worked example")
    yield labelled({"a": [1.0, 2.0, 3.0], "b": [1.0, 2.0, 3.0], "n_permutations": 2000, "seed": 1}, "identical groups: p = 1")
    yield labelled({"a": [5.0, 6.0, 7.0, 5.5, 6.5], "b": [5.2, 6.8, 6.1, 5.9], "n_permutations": 2000, "seed": 2}, "overlapping groups: a large p-value")
    yield labelled({"a": [2.0, 3.5, 2.5, 4.0, 3.0, 2.0], "b": [3.0, 4.5, 3.8, 5.0, 2.9, 4.1, 3.6], "n_permutations": 2000, "seed": 3}, "a moderate difference")
    for _ in range(22):
        na, nb = (int(v) for v in rng.integers(3, 25, size=2))
        spread = float(rng.uniform(0.5, 5.0))
        mu = float(rng.uniform(-10, 10))
        # A difference of about one standard error, so that p-values spread over (0, 1).
        delta = float(rng.normal(0.0, 1.2)) * spread * math.sqrt(1 / na + 1 / nb)
        yield {
            "a": _group(rng, na, mu + delta, spread),
            "b": _group(rng, nb, mu, spread),
            "n_permutations": 2000,
            "seed": int(rng.integers(0, 2**31)),
        }
    yield hidden({"a": _group(rng, 60, 0.0, 1.0), "b": _group(rng, 50, 0.3, 1.0), "n_permutations": 2000, "seed": 11})
    yield hidden({"a": [0.0, 1.0], "b": [0.5, 1.5, 1.0], "n_permutations": 2000, "seed": 12})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return the p-value as a float, not {type(got).__name__}"
    if not 0.0 <= got <= 1.0:
        return f"a p-value lies between 0 and 1; got {got!r}"
    n = case.args["n_permutations"]
    # Two independent Monte Carlo estimates of p differ with standard deviation at most
    # sqrt(2 p (1 - p) / n); allow six of those, plus a little for the +1 convention.
    p = min(max(expected, 0.002), 0.998)
    margin = 6.0 * math.sqrt(2.0 * p * (1.0 - p) / n) + 2.0 / n
    if abs(got - expected) > margin:
        return f"expected a p-value of about {expected:.3f} (give or take {margin:.2f}), got {got!r}"
    return True
