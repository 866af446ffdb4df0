import math

from mltrail.grading.contract import hidden, labelled


def _counts(rng, n):
    counts = [int(v) for v in rng.poisson(rng.uniform(0.5, 40.0), size=n)]
    if not any(counts):
        counts[0] = 1
    return counts


def cases(rng):
    yield labelled({"counts": [3, 5, 2, 4, 6]}, "the worked example")
    yield labelled({"counts": [0, 0, 1, 0]}, "mostly zeros")
    yield labelled({"counts": [7]}, "a single count")
    yield labelled({"counts": [2, 1, 3, 0, 2, 4, 1, 2] * 100}, "800 counts: the product of probabilities underflows")
    yield labelled({"counts": [150, 160, 140, 155]}, "large counts: 150! overflows a float")
    for i in range(24):
        yield {"counts": _counts(rng, int(rng.integers(1, 30)) if i % 2 == 0 else int(rng.integers(400, 2000)))}
    yield hidden({"counts": _counts(rng, 5000)})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (rate_hat, log_likelihood)"
    for name, want, value in zip(("rate_hat", "log_likelihood"), expected, got):
        if type(value) is not float:
            return f"{name} must be a float, not {type(value).__name__}"
        if math.isinf(value) or math.isnan(value):
            return f"{name} is {value!r}: did a product of probabilities underflow to 0.0? Add logarithms instead"
        if not math.isclose(value, want, rel_tol=1e-9, abs_tol=1e-12):
            return f"{name}: expected {want!r}, got {value!r}"
    return True
