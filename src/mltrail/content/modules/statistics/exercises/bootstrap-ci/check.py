import math

import numpy as np

from mltrail.grading.contract import hidden, labelled

EXAMPLE = [0.9, 0.2, 1.4, 0.1, 0.3, 2.8, 0.4, 0.2, 0.6, 1.1, 0.3, 0.5]


def _values(rng, n):
    kind = int(rng.integers(0, 3))
    if kind == 0:
        data = rng.normal(rng.uniform(-10, 10), rng.uniform(0.5, 5.0), size=n)
    elif kind == 1:
        data = rng.exponential(rng.uniform(0.2, 3.0), size=n)
    else:
        data = rng.lognormal(0.0, rng.uniform(0.2, 0.8), size=n)
    return [round(float(v), 3) for v in data]


def cases(rng):
    yield labelled({"values": EXAMPLE, "confidence": 0.95, "n_resamples": 2000, "seed": 0}, "the worked example")
    yield labelled({"values": [float(v) for v in range(1, 11)], "confidence": 0.9, "n_resamples": 2000, "seed": 1}, "the numbers 1 to 10, 90 %")
    yield labelled({"values": [0.0] * 30 + [1.0] * 10, "confidence": 0.95, "n_resamples": 2000, "seed": 2}, "0/1 errors of a classifier")
    yield labelled({"values": [0.2, 0.1, 0.4, 0.3, 0.2, 0.5, 0.1, 0.3, 0.2, 0.4, 0.1, 0.3, 0.2, 0.6, 0.4, 1.8, 0.2, 0.3, 0.9, 3.5], "confidence": 0.8, "n_resamples": 2000, "seed": 3}, "skewed losses, 80 %")
    for _ in range(22):
        yield {
            "values": _values(rng, int(rng.integers(10, 50))),
            "confidence": float(rng.choice([0.8, 0.9, 0.95])),
            "n_resamples": 2000,
            "seed": int(rng.integers(0, 2**31)),
        }
    yield hidden({"values": _values(rng, 200), "confidence": 0.95, "n_resamples": 2000, "seed": int(rng.integers(0, 2**31))})
    yield hidden({"values": [1.0, 2.0] * 20, "confidence": 0.9, "n_resamples": 2000, "seed": 7})


def compare(expected, got, case):
    if type(got) is not tuple or len(got) != 2:
        return "return a tuple of two floats: (low, high)"
    for name, g in zip(("low", "high"), got):
        if type(g) is not float:
            return f"{name} must be a float, not {type(g).__name__}"
    values = np.asarray(case.args["values"], dtype=float)
    # Standard deviation of the bootstrap means (the cases avoid data so discrete that the
    # bootstrap distribution has gaps wider than the margin); the percentile endpoints of two independent
    # runs of 2000 resamples differ by about 0.15 of it at most, so half of it is a safe margin
    # that still rejects intervals of the wrong width.
    spread = float(np.std(values)) / math.sqrt(len(values))
    margin = 0.5 * spread + 1e-9
    for name, e, g in zip(("low", "high"), expected, got):
        if abs(g - e) > margin:
            return f"{name}: expected about {e:.4g} (give or take {margin:.2g}), got {g!r}"
    return True
