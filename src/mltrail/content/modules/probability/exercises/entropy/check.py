import math

from mltrail.grading.contract import hidden, labelled


def _distribution(rng, n, zeros):
    probs = rng.dirichlet(rng.uniform(0.2, 3.0, size=n))
    if zeros:
        probs[rng.choice(n, size=int(rng.integers(1, n)), replace=False)] = 0.0
        probs = probs / probs.sum()
    return [float(p) for p in probs]


def cases(rng):
    yield labelled({"probs": [0.5, 0.25, 0.25, 0.0]}, "the worked example")
    yield labelled({"probs": [0.5, 0.5]}, "a fair coin: 1 bit")
    yield labelled({"probs": [1 / 8] * 8}, "a fair eight-sided die: 3 bits")
    yield labelled({"probs": [0.0, 1.0, 0.0]}, "a certain outcome: 0 bits")
    yield labelled({"probs": [0.99, 0.01]}, "a heavily biased coin")
    for i in range(24):
        yield {"probs": _distribution(rng, int(rng.integers(2, 12)), zeros=i % 2 == 0)}
    yield hidden({"probs": _distribution(rng, 1000, zeros=True)})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if math.isnan(got):
        return "got nan: 0 * log(0) is nan in floating point; an outcome with probability 0 contributes 0"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
