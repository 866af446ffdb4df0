import math

import numpy as np

from mltrail.grading.contract import hidden, labelled


def _args(rate, sample_size, n_repeats, seed):
    return {"rate": rate, "sample_size": sample_size, "n_repeats": n_repeats, "seed": seed}


def cases(rng):
    yield labelled(_args(2.0, 30, 10000, 0), "the worked example")
    yield labelled(_args(0.5, 5, 4000, 1), "small samples of slow events")
    yield labelled(_args(4.0, 100, 4000, 2), "larger samples of fast events")
    for _ in range(24):
        rate = float(rng.choice([rng.uniform(0.2, 0.7), rng.uniform(1.5, 5.0)]))
        yield _args(round(rate, 3), int(rng.integers(5, 41)), int(rng.integers(4000, 5001)), int(rng.integers(0, 2**31)))
    yield hidden(_args(round(float(rng.uniform(1.5, 3.0)), 3), 30, 10000, int(rng.integers(0, 2**31))))


def compare(expected, got, case):
    m, n = case.args["n_repeats"], case.args["sample_size"]
    if type(got) is not list or len(got) != m:
        return f"return a list of {m} floats (one standardised mean per repeat)"
    if any(type(v) is not float for v in got):
        return "every value must be a float"
    z = np.asarray(got, dtype=float)
    if not np.all(np.isfinite(z)):
        return "the values must be finite numbers"
    # Z has mean 0 and variance 1 exactly. Over m repeats, the average of Z has standard error
    # 1 / sqrt(m); the sample variance has standard error sqrt((kurtosis - 1) / m), and the
    # kurtosis of Z is 3 + 6 / n for exponential data. Six standard errors: a correct
    # simulation fails with probability below 1e-8 on each test.
    mean_margin = 6.0 / math.sqrt(m)
    # Subtracting the simulation's own average of the means (a z-score of the n_repeats values)
    # makes the average 0 by construction, whatever was drawn. A correct simulation, standardised
    # with the true mu, averages within 1e-11 of 0 with probability below 1e-9.
    if abs(z.mean()) < 1e-11:
        return (
            "the values average exactly 0: you standardised with the average of your own means, "
            "not with the true mean mu = 1 / rate (and sigma / sqrt(n) with sigma = 1 / rate)"
        )
    if abs(z.mean()) > mean_margin:
        return (
            f"the values average {z.mean():.3f}, but a standardised mean averages 0 "
            f"(give or take {mean_margin:.3f} here): check the scale you draw with and the mean you subtract"
        )
    var_margin = 6.0 * math.sqrt((2.0 + 6.0 / n) / m)
    if abs(z.var() - 1.0) > var_margin:
        return (
            f"the values have variance {z.var():.3f}, but a standardised mean has variance 1 "
            f"(give or take {var_margin:.3f} here): the mean of n draws has standard deviation sigma / sqrt(n)"
        )
    return True
