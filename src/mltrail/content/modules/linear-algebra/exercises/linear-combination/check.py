import numpy as np

from mltrail.grading.contract import hidden, labelled


def _vectors(rng, k, n):
    return np.round(rng.normal(0.0, 3.0, size=(k, n)), 2).tolist()


def _coefficients(rng, k):
    signs = rng.choice([-1.0, 1.0], size=k)
    return np.round(signs * rng.uniform(0.1, 3.0, size=k), 2).tolist()


def _random_case(rng, k, n):
    while True:
        coefficients, vectors = _coefficients(rng, k), _vectors(rng, k, n)
        result = np.asarray(coefficients) @ np.asarray(vectors)
        # Never let the answer coincide with an input (n == k and every v == 1).
        if n != k or not np.allclose(result, coefficients):
            return {"coefficients": coefficients, "vectors": vectors}


def cases(rng):
    yield labelled({"coefficients": [2.0], "vectors": [[1.0, -3.0, 0.5]]}, "a single vector")
    yield labelled(
        {"coefficients": [2.0, -1.0, 0.5], "vectors": [[1.0, 0.0], [0.0, 1.0], [4.0, 4.0]]},
        "three vectors, negative coefficient",
    )
    yield labelled(
        {"coefficients": [0.0, 0.0], "vectors": [[1.5, -2.0, 3.0], [4.0, 5.0, -6.0]]},
        "all coefficients zero",
    )
    yield labelled({"coefficients": [3.0, -2.0], "vectors": [[2.0], [5.0]]}, "vectors of length 1")
    yield labelled(
        {"coefficients": [1.0, 1.0], "vectors": [[1.0, 2.0], [3.0, 4.0]]}, "coefficients 1: a plain sum"
    )
    for _ in range(22):
        k = int(rng.integers(1, 6))
        n = int(rng.integers(1, 7))
        yield _random_case(rng, k, n)
    for _ in range(2):
        k = int(rng.integers(2, 6))
        n = int(rng.integers(2, 7))
        yield hidden(_random_case(rng, k, n))
