from functools import lru_cache

import numpy as np
from palmerpenguins import load_penguins
from sklearn.datasets import load_diabetes

from mltrail.grading.contract import hidden, labelled


@lru_cache(maxsize=None)
def _tables():
    return [load_penguins()["body_mass_g"].dropna().to_numpy(dtype=float), load_diabetes().target.astype(float)]


def _sample(rng):
    table = _tables()[int(rng.integers(0, 2))]
    n = int(rng.integers(2, 40))
    return {
        "values": table[rng.choice(len(table), size=n, replace=False)].copy(),
        "n_boot": int(rng.integers(2, 60)),
        "seed": int(rng.integers(0, 2**31)),
    }


def cases(rng):
    yield labelled({"values": np.array([3500.0, 3800.0, 4450.0, 5200.0]), "n_boot": 3, "seed": 0}, "the worked example")
    yield labelled({"values": np.array([3750.0]), "n_boot": 4, "seed": 1}, "one value: every resample is that value")
    yield labelled({"values": _tables()[1][:10].copy(), "n_boot": 1, "seed": 42}, "a single bootstrap sample of ten diabetes scores")
    yield labelled({"values": _tables()[0][:25].copy(), "n_boot": 5, "seed": 2024}, "five resamples of 25 penguin masses")
    for _ in range(21):
        yield _sample(rng)
    yield hidden(_sample(rng))


def compare(expected, got, case):
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return "return a list or 1-D array of floats, one mean per bootstrap sample"
    if got.shape != expected.shape:
        return f"expected {expected.shape[0]} means (one per bootstrap sample), got shape {got.shape}"
    if not np.allclose(got, expected, rtol=1e-9, atol=0.0):
        return "the means differ: draw idx = rng.integers(0, n, size=(n_boot, n)) from one default_rng(seed), one row per sample"
    return True
