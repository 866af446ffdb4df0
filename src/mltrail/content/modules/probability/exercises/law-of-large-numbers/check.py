import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _args(sides, n_rolls, seed):
    return {"sides": sides, "n_rolls": n_rolls, "seed": seed}


def cases(rng):
    yield labelled(_args(6, 10000, 0), "the worked example: a six-sided die")
    yield labelled(_args(2, 5000, 1), "a coin with faces 1 and 2")
    yield labelled(_args(20, 20000, 2), "a twenty-sided die")
    for _ in range(24):
        yield _args(int(rng.integers(2, 21)), int(rng.integers(2000, 20001)), int(rng.integers(0, 2**31)))
    yield hidden(_args(int(rng.integers(3, 13)), 50000, int(rng.integers(0, 2**31))))


def compare(expected, got, case):
    sides, n = case.args["sides"], case.args["n_rolls"]
    if type(got) is not list or len(got) != n:
        return f"return a list of {n} floats (one running mean per roll)"
    if any(type(v) is not float for v in got):
        return "every running mean must be a float"
    means = np.asarray(got, dtype=float)
    if not np.all(np.isfinite(means)):
        return "the running means must be finite numbers"
    # Read the rolls back: the k-th roll is k * mean_k - (k - 1) * mean_(k-1). Rounding errors
    # of a running mean are far below 1e-6 for these sizes.
    k = np.arange(1, n + 1)
    totals = k * means
    rolls = np.diff(np.concatenate(([0.0], totals)))
    faces = np.rint(rolls)
    bad = np.flatnonzero(np.abs(rolls - faces) > 1e-6)
    if bad.size:
        i = int(bad[0])
        return (
            f"entry {i} is not the mean of the first {i + 1} rolls of a die "
            "(divide the running total after k rolls by k)"
        )
    outside = np.flatnonzero((faces < 1) | (faces > sides))
    if outside.size:
        i = int(outside[0])
        return f"roll {i + 1} is {int(faces[i])}, but the die has faces 1 to {sides}"
    # Each face's count is Binomial(n, 1/sides): a correct simulation lands within 6 standard
    # errors for every face except with probability below 20 * 2e-9. A die that never shows
    # one face is 1/sides away, which is more than 6 standard errors for n >= 2000.
    p = 1.0 / sides
    margin = 6.0 * math.sqrt(p * (1 - p) / n)
    counts = np.bincount(faces.astype(int), minlength=sides + 1)[1:]
    for face, count in enumerate(counts, start=1):
        if abs(count / n - p) > margin:
            return (
                f"face {face} came up {int(count)} times in {n} rolls; a fair die shows it "
                f"about {n * p:.0f} times (give or take {n * margin:.0f})"
            )
    return True
