import numpy as np

from mltrail.grading.contract import hidden, labelled

INF = float("inf")


def _vector(rng, n):
    return np.round(rng.normal(0.0, 3.0, size=n), 2).tolist()


def cases(rng):
    yield labelled({"v": [3.0, -4.0], "p": 2}, "p = 2, the Euclidean length")
    yield labelled({"v": [3.0, -4.0], "p": 1}, "p = 1 with a negative entry")
    yield labelled({"v": [1.0, -5.0, 3.0], "p": INF}, "p = inf, the largest entry is negative")
    yield labelled({"v": [-2.0], "p": 3}, "one negative entry, odd p")
    yield labelled({"v": [0.0, 0.0, 0.0], "p": 2}, "the zero vector")
    yield labelled({"v": [1.0, 2.0, 2.0], "p": 1.5}, "a fractional p")
    yield labelled({"v": [2.0, -2.0, 1.0, 0.0], "p": 4.0}, "p = 4.0 given as a float")
    yield labelled({"v": [3.0, -2.0, 1.0], "p": 700}, "p = 700: |x| ** p overflows unless scaled")
    yield labelled({"v": [1e200, -2e200, 2e200], "p": 2}, "entries near 1e200: the squares overflow unless scaled")
    yield labelled({"v": [3e-200, 4e-200], "p": 2}, "entries near 1e-200: the squares underflow to 0 unless scaled")
    for i in range(22):
        n = int(rng.integers(1, 9))
        if i % 3 == 0:
            p = float(np.round(rng.uniform(1.0, 5.0), 2))
        elif i % 5 == 4:
            p = INF
        else:
            p = [1, 2, 3, 1.5, 2.5, INF][int(rng.integers(0, 6))]
        v = _vector(rng, n)
        if abs(float(np.linalg.norm(v, ord=p)) - p) < 1e-9:
            v[0] += 1.0  # the answer must not be equal to the input p
        if i % 4 == 1:
            # |x| ** p out of range unless scaled: a large p, or entries near 1e200 or 1e-200.
            if rng.random() < 0.5:
                p = int(rng.integers(300, 900))
            else:
                v = [x * 10.0 ** int(rng.choice([-200, 200])) for x in v]
        yield {"v": v, "p": p}
    yield hidden({"v": _vector(rng, 12), "p": INF})
    yield hidden({"v": _vector(rng, 10), "p": 3})
