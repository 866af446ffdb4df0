import numpy as np

from mltrail.grading.contract import hidden, labelled


def _rows(rng, k, n):
    while True:
        vectors = np.round(rng.normal(0.0, 2.0, size=(k, n)), 2)
        # Clearly independent rows, so that every correct variant agrees to 1e-6.
        s = np.linalg.svd(vectors, compute_uv=False)
        # ... and rows that are not already orthonormal (the answer would equal the input).
        if s[-1] > 0.05 * s[0] and not np.allclose(vectors @ vectors.T, np.eye(k)):
            return {"vectors": vectors}


def cases(rng):
    yield labelled({"vectors": np.array([[3.0, 4.0]])}, "a single row is only normalised")
    yield labelled({"vectors": np.array([[3.0, 4.0], [1.0, 0.0]])}, "two rows in the plane")
    yield labelled(
        {"vectors": np.array([[0.0, 2.0, 0.0], [3.0, 0.0, 0.0]])},
        "already perpendicular, not yet of length 1",
    )
    yield labelled({"vectors": np.array([[1.0, 1.0, 0.0], [1.0, 0.0, 1.0]])}, "two rows in 3 dimensions")
    yield labelled(
        {"vectors": np.array([[1.0, 1.0, 1.0], [0.0, 1.0, 1.0], [0.0, 0.0, 1.0]])}, "three rows in 3 dimensions"
    )
    yield labelled(
        {"vectors": np.array([[1.0, 2.0, 0.0, 1.0], [2.0, 0.0, 1.0, 0.0], [0.0, 1.0, 1.0, 3.0]])},
        "three rows in 4 dimensions",
    )
    for _ in range(22):
        k = int(rng.integers(1, 5))
        n = int(rng.integers(k, 7))
        yield _rows(rng, k, n)
    yield hidden(_rows(rng, 4, 4))
    yield hidden(_rows(rng, 3, 6))
