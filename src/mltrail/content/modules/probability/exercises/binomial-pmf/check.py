import math

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"k": 8, "n": 10, "p": 0.8}, "the worked example")
    yield labelled({"k": 3, "n": 5, "p": 0.5}, "a fair coin: C(5, 3) / 32")
    yield labelled({"k": 0, "n": 7, "p": 0.3}, "no success at all")
    yield labelled({"k": 12, "n": 12, "p": 0.9}, "every trial a success")
    yield labelled({"k": 0, "n": 4, "p": 0.0}, "p = 0: zero successes is certain")
    yield labelled({"k": 6, "n": 6, "p": 1.0}, "p = 1: every trial succeeds")
    yield labelled({"k": 2, "n": 100, "p": 0.3}, "a tiny probability (about 1e-13)")
    for _ in range(24):
        n = int(rng.integers(5, 101))
        p = float(rng.choice([rng.uniform(0.05, 0.45), rng.uniform(0.55, 0.95)]))
        k = int(min(n, max(0, round(rng.normal(n * p, math.sqrt(n * p * (1 - p)) + 1)))))
        yield {"k": k, "n": n, "p": p}
    yield hidden({"k": int(rng.integers(30, 50)), "n": 100, "p": float(rng.uniform(0.05, 0.2))})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-300):
        return f"expected {expected!r}, got {got!r}"
    return True
