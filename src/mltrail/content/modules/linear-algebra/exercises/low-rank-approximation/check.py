import numpy as np

from mltrail.grading.contract import hidden, labelled


def _orthonormal(rng, rows, cols):
    q, _ = np.linalg.qr(rng.normal(size=(rows, cols)))
    return q


def _case(rng, m, n):
    r = min(m, n)
    # Well-separated singular values, so that the answer is unique and stable.
    gaps = rng.uniform(0.5, 3.0, size=r)
    s = np.cumsum(gaps)[::-1]
    a = (_orthonormal(rng, m, r) * s) @ _orthonormal(rng, n, r).T
    k = int(rng.integers(1, r))
    return {"a": a, "k": k}


def cases(rng):
    yield labelled({"a": np.array([[3.0, 1.0], [1.0, 3.0]]), "k": 1}, "2x2, singular values 4 and 2")
    yield labelled({"a": np.array([[3.0, 0.0], [0.0, -1.0]]), "k": 1}, "a diagonal matrix")
    yield labelled(
        {"a": np.array([[2.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), "k": 1}, "a 3x2 matrix, k = 1"
    )
    yield labelled(
        {"a": np.array([[1.0, 2.0, 0.0], [0.0, 1.0, 3.0]]), "k": 1}, "a 2x3 matrix, k = 1"
    )
    yield labelled(
        {"a": np.array([[4.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 0.5], [1.0, 1.0, 1.0]]), "k": 2},
        "a 4x3 matrix, k = 2",
    )
    for _ in range(22):
        m, n = (int(x) for x in rng.integers(2, 7, size=2))
        yield _case(rng, m, n)
    yield hidden(_case(rng, 6, 5))
    yield hidden(_case(rng, 3, 6))
