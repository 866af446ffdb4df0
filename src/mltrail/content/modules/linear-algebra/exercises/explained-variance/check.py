import numpy as np

from mltrail.grading.contract import hidden, labelled


def _data(rng, n, d):
    while True:
        scales = rng.uniform(0.2, 5.0, size=d)
        mixing = rng.normal(size=(d, d))
        offsets = rng.uniform(-20.0, 20.0, size=d)
        X = np.round(rng.normal(size=(n, d)) @ mixing * scales + offsets, 2)
        if np.ptp(X, axis=0).max() > 0.5:  # not every column constant
            return {"X": X}


def cases(rng):
    yield labelled(
        {"X": np.array([[12.0, -5.0], [8.0, -5.0], [10.0, -4.0], [10.0, -6.0]])},
        "uncorrelated columns with non-zero means",
    )
    yield labelled({"X": np.array([[1.0], [2.0], [4.0]])}, "one feature: all the variance")
    yield labelled({"X": np.array([[0.0, 0.0], [2.0, 4.0]])}, "two samples: one direction only")
    yield labelled({"X": np.array([[1.0, 5.0], [2.0, 5.0], [3.0, 5.0]])}, "a constant column")
    yield labelled(
        {"X": np.array([[1.0, 0.0, 2.0, 5.0], [3.0, 1.0, 0.0, 5.0], [0.0, 2.0, 1.0, 6.0]])},
        "fewer samples than features",
    )
    yield labelled(
        {"X": np.array([[1.0, 100.0], [2.0, 300.0], [3.0, 200.0], [4.0, 400.0], [5.0, 500.0]])},
        "columns on very different scales",
    )
    for _ in range(22):
        n = int(rng.integers(2, 9))
        d = int(rng.integers(1, 6))
        yield _data(rng, n, d)
    yield hidden(_data(rng, 30, 4))
    yield hidden(_data(rng, 3, 5))
