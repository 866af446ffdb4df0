import numpy as np

from mltrail.grading.contract import hidden, labelled


def _matrix(rng, rows, cols):
    return np.round(rng.normal(0.0, 2.0, size=(rows, cols)), 2).tolist()


def _pair(rng, m, k, p):
    while True:
        a, b = _matrix(rng, m, k), _matrix(rng, k, p)
        product = np.array(a) @ np.array(b)
        # Never an answer equal to an input (as for b = [[1.0]] or [[0.0]]).
        if not any(product.shape == np.shape(x) and np.allclose(product, x) for x in (a, b)):
            return {"a": a, "b": b}


def cases(rng):
    yield labelled({"a": [[1.0, 2.0]], "b": [[3.0], [4.0]]}, "1x2 times 2x1: a 1x1 result")
    yield labelled({"a": [[1.0], [2.0]], "b": [[3.0, 4.0]]}, "2x1 times 1x2: a 2x2 result")
    yield labelled({"a": [[2.0]], "b": [[-3.0]]}, "1x1 matrices")
    yield labelled(
        {"a": [[1.0, 2.0], [3.0, 4.0]], "b": [[0.0, 1.0], [1.0, 0.0]]},
        "multiplying by a permutation swaps the columns",
    )
    yield labelled(
        {"a": [[1.0, 0.0, 2.0], [-1.0, 3.0, 1.0]], "b": [[3.0, 1.0], [2.0, 1.0], [1.0, 0.0]]},
        "2x3 times 3x2",
    )
    yield labelled(
        {"a": [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], "b": [[1.0, -1.0, 0.0, 2.0], [0.5, 0.0, 1.0, 1.0]]},
        "3x2 times 2x4",
    )
    for _ in range(22):
        m, k, p = (int(x) for x in rng.integers(1, 6, size=3))
        yield _pair(rng, m, k, p)
    for _ in range(2):
        m, k, p = (int(x) for x in rng.integers(4, 9, size=3))
        yield hidden(_pair(rng, m, k, p))
