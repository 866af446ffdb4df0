import math

from mltrail.grading.contract import hidden, labelled


def _distribution(rng, n, zeros=0):
    probs = rng.dirichlet(rng.uniform(0.3, 3.0, size=n))
    if zeros:
        probs[rng.choice(n, size=zeros, replace=False)] = 0.0
        probs = probs / probs.sum()
    return [float(v) for v in probs]


def cases(rng):
    yield labelled({"p": [0.5, 0.5, 0.0], "q": [0.25, 0.25, 0.5]}, "the worked example")
    yield labelled({"p": [0.2, 0.3, 0.5], "q": [0.2, 0.3, 0.5]}, "equal distributions: 0")
    yield labelled({"p": [0.9, 0.1], "q": [0.5, 0.5]}, "a biased coin against a fair one")
    yield labelled({"p": [0.5, 0.5], "q": [0.9, 0.1]}, "the same pair the other way round")
    yield labelled({"p": [0.5, 0.5], "q": [1.0, 0.0]}, "q rules out what p allows: infinite")
    yield labelled({"p": [0.0, 1.0], "q": [0.3, 0.7]}, "p has a zero: that term is 0")
    for i in range(24):
        n = int(rng.integers(2, 10))
        if i % 4 == 3:  # q has a zero where p does not: infinite
            yield {"p": _distribution(rng, n), "q": _distribution(rng, n, zeros=1)}
        elif i % 4 == 1:  # p has zeros
            yield {"p": _distribution(rng, n, zeros=int(rng.integers(1, n))), "q": _distribution(rng, n)}
        else:
            yield {"p": _distribution(rng, n), "q": _distribution(rng, n)}
    yield hidden({"p": _distribution(rng, 200), "q": _distribution(rng, 200)})


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if math.isinf(expected):
        if got != math.inf:
            return f"q is 0 where p is not, so the divergence is infinite: return math.inf, not {got!r}"
        return True
    if math.isnan(got):
        return "got nan: a term with p_i = 0 contributes 0 (0 log 0 = 0)"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
