import math

from mltrail.grading.contract import hidden, labelled


def _args(low, high, mean, std):
    return {"low": low, "high": high, "mean": mean, "std": std}


def cases(rng):
    yield labelled(_args(160.0, 185.0, 170.0, 10.0), "the worked example")
    yield labelled(_args(-1.0, 1.0, 0.0, 1.0), "one standard deviation on each side: about 0.683")
    yield labelled(_args(-1.96, 1.96, 0.0, 1.0), "the 95 % interval of the standard normal")
    yield labelled(_args(0.0, 1e6, 0.0, 1.0), "half the distribution")
    yield labelled(_args(12.0, 14.0, 10.0, 0.5), "far in the upper tail (about 3e-5)")
    for _ in range(24):
        mean = float(rng.uniform(-50, 50))
        std = float(rng.uniform(0.2, 20))
        a, b = sorted(float(v) for v in mean + std * rng.uniform(-2.5, 2.5, size=2))
        yield _args(round(a, 3), round(b, 3) + 0.001, mean, std)
    mean = float(rng.uniform(-5, 5))
    yield hidden(_args(mean + 0.5, mean + 2.5, mean, float(rng.uniform(0.5, 2.0))))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-7, abs_tol=1e-10):
        return f"expected {expected!r}, got {got!r}"
    return True
