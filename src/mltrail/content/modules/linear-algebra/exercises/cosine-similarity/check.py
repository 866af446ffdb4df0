import numpy as np

from mltrail.grading.contract import hidden, labelled


def _pair(rng, n):
    u = np.round(rng.normal(0.0, 3.0, size=n), 2)
    v = np.round(rng.normal(0.0, 3.0, size=n), 2)
    # Now and then one vector is all zeros, so the zero-vector rule is tested at random too;
    # otherwise keep the vectors away from zero.
    if rng.random() < 0.2:
        (u if rng.random() < 0.5 else v)[:] = 0.0
        return {"u": u.tolist(), "v": v.tolist()}
    if not u.any():
        u[0] = 1.5
    if not v.any():
        v[-1] = -2.5
    if rng.random() < 0.25:
        # Now and then entries near 1e-200 or 1e200, whose squares underflow or overflow.
        u = u * 10.0 ** int(rng.choice([-200, 200]))
        if rng.random() < 0.5:
            v = v * 10.0 ** int(rng.choice([-200, 200]))
    return {"u": u.tolist(), "v": v.tolist()}


def cases(rng):
    yield labelled({"u": [3.0, 4.0], "v": [4.0, 3.0]}, "two vectors of length 5")
    yield labelled({"u": [1.0, 2.0, 2.0], "v": [2.0, 4.0, 4.0]}, "same direction, different lengths")
    yield labelled({"u": [1.0, -1.0], "v": [-3.0, 3.0]}, "opposite directions")
    yield labelled({"u": [2.0, 0.0], "v": [0.0, 5.0]}, "perpendicular vectors")
    yield labelled({"u": [0.0, 0.0, 0.0], "v": [1.0, 2.0, 3.0]}, "first vector all zeros")
    yield labelled({"u": [4.0, -1.0], "v": [0.0, 0.0]}, "second vector all zeros")
    yield labelled({"u": [-2.0], "v": [5.0]}, "vectors of length 1")
    yield labelled({"u": [1.0, 2.0, 3.0], "v": [6.0, -1.0, 0.5]}, "an obtuse angle")
    yield labelled({"u": [1e-200], "v": [1.0]}, "a tiny entry: its square underflows to 0 unless scaled")
    yield labelled({"u": [3e-200, 4e-200], "v": [4e-200, 3e-200]}, "tiny vectors: the products underflow unless scaled")
    yield labelled({"u": [1e200, 0.0], "v": [1e200, 1e200]}, "huge entries: the squares overflow unless scaled")
    for _ in range(22):
        yield _pair(rng, int(rng.integers(1, 9)))
    for _ in range(2):
        yield hidden(_pair(rng, int(rng.integers(5, 30))))
