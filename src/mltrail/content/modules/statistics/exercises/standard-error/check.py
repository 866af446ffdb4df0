import math

from mltrail.grading.contract import hidden, labelled


def _losses(rng, n):
    kind = int(rng.integers(0, 3))
    if kind == 0:  # log losses: positive, skewed
        return [round(float(v), 4) for v in rng.exponential(rng.uniform(0.1, 1.0), size=n)]
    if kind == 1:  # 0/1 errors of a classifier
        return [float(v) for v in (rng.random(n) < rng.uniform(0.1, 0.5))]
    return [round(float(v), 4) for v in rng.gamma(2.0, rng.uniform(0.5, 5.0), size=n)]  # squared errors


def cases(rng):
    yield labelled({"losses": [0.2, 0.4, 0.3, 0.5, 0.1]}, "the worked example")
    yield labelled({"losses": [1.0, 3.0]}, "two values")
    yield labelled({"losses": [0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0]}, "0/1 errors")
    yield labelled({"losses": [0.7, 0.7, 0.7]}, "all equal: standard error 0")
    for _ in range(22):
        losses = _losses(rng, int(rng.integers(2, 60)))
        if len(set(losses)) == 1:
            losses.append(losses[0] + 1.0)
        yield {"losses": losses}
    yield hidden({"losses": _losses(rng, 1000)})
    yield hidden({"losses": [2.0, 4.0, 9.0]})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (mean, standard_error)"
    names = ("mean", "standard error")
    # the one-pass sums (sum of squares minus n times the squared mean) are a correct method
    # whose rounding leaves about 1e-8 on equal losses (the losses here are below a few dozen), where the
    # standard error is 0: an absolute slack of 1e-7 on it accepts them and no wrong formula
    for name, e, g, slack in zip(names, expected, got, (1e-10, 1e-7)):
        if type(g) is not float:
            return f"the {name} must be a float, not {type(g).__name__}"
        if not math.isclose(g, e, rel_tol=1e-6, abs_tol=slack):
            return f"the {name}: expected {e!r}, got {g!r}"
    return True
