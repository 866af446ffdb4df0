import numpy as np

from mltrail.grading.contract import hidden, labelled


def _pair(rng, n):
    while True:
        v = np.round(rng.normal(0.0, 3.0, size=n), 2)
        onto = np.round(rng.normal(0.0, 3.0, size=n), 2)
        # onto must be nonzero; keep v off the line (then the projection would be v itself),
        # and keep onto away from unit length so that a missing division shows.
        projection = (v @ onto) / (onto @ onto) * onto
        if onto.any() and not np.allclose(projection, v) and abs(onto @ onto - 1.0) > 0.1:
            return {"v": v, "onto": onto}


def cases(rng):
    yield labelled({"v": np.array([2.0, 3.0]), "onto": np.array([1.0, 0.0])}, "onto the x axis")
    yield labelled({"v": np.array([1.0, 1.0]), "onto": np.array([2.0, 0.0])}, "onto a vector of length 2")
    yield labelled({"v": np.array([0.0, 5.0]), "onto": np.array([3.0, 0.0])}, "perpendicular: the projection is zero")
    yield labelled({"v": np.array([3.0, 1.0]), "onto": np.array([-2.0, -2.0])}, "onto a vector pointing the other way")
    yield labelled({"v": np.array([1.0, 2.0, 3.0]), "onto": np.array([0.0, 0.0, 2.0])}, "in 3 dimensions")
    yield labelled({"v": np.array([-1.0, 2.0, 0.5, 4.0]), "onto": np.array([1.0, 1.0, -1.0, 3.0])}, "in 4 dimensions")
    for _ in range(22):
        yield _pair(rng, int(rng.integers(2, 7)))
    for _ in range(2):
        yield hidden(_pair(rng, int(rng.integers(5, 12))))
