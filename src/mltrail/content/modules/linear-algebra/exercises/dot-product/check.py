import numpy as np

from mltrail.grading.contract import hidden, labelled


def _pair(rng, n):
    u = np.round(rng.normal(0.0, 3.0, size=n), 2).tolist()
    v = np.round(rng.normal(0.0, 3.0, size=n), 2).tolist()
    return {"u": u, "v": v}


def cases(rng):
    yield labelled({"u": [3.0], "v": [-2.0]}, "vectors of length 1")
    yield labelled({"u": [1.0, 2.0, 3.0], "v": [4.0, -5.0, 6.0]}, "mixed signs")
    yield labelled({"u": [1.0, 1.0], "v": [1.0, -1.0]}, "perpendicular vectors")
    yield labelled({"u": [0.0, 0.0, 0.0], "v": [1.0, 2.0, 3.0]}, "a zero vector")
    yield labelled({"u": [-1.5, -2.0], "v": [-2.0, -4.0]}, "all negative")
    for _ in range(22):
        yield _pair(rng, int(rng.integers(1, 9)))
    for _ in range(2):
        yield hidden(_pair(rng, int(rng.integers(5, 30))))
