import numpy as np

from mltrail.grading.contract import hidden, labelled


def _random_matrix(rng, n):
    return np.round(rng.normal(0.0, 2.0, size=(n, n)), 2)


def cases(rng):
    yield labelled({"a": np.array([[-3.0]])}, "a 1x1 matrix")
    yield labelled({"a": np.array([[0.0, 1.0], [1.0, 0.0]])}, "zero pivot: the rows must be swapped")
    yield labelled({"a": np.array([[2.0, 1.0], [1.0, 3.0]])}, "a 2x2 matrix")
    yield labelled({"a": np.array([[1.0, 2.0], [2.0, 4.0]])}, "singular 2x2")
    yield labelled(
        {"a": np.array([[2.0, 5.0, 1.0], [0.0, -3.0, 4.0], [0.0, 0.0, 0.5]])}, "upper triangular"
    )
    yield labelled(
        {"a": np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 7.0], [1.0, 3.0, 2.0]])},
        "a zero pivot appears in the middle of elimination",
    )
    yield labelled(
        {"a": np.array([[1e-20, 1.0, 1.0], [1.0, 1.0, 2.0], [1.0, 2.0, 1.0]])},
        "a tiny first pivot: without partial pivoting, rounding swamps the answer (about 2)",
    )
    yield labelled(
        {"a": np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]])}, "singular 3x3"
    )
    yield labelled(
        {"a": np.array([[0.0, 0.0, 2.0], [0.0, 3.0, 0.0], [4.0, 0.0, 0.0]])}, "anti-diagonal 3x3"
    )
    for i in range(22):
        n = 1 + i % 6
        a = _random_matrix(rng, n)
        if n >= 2 and i % 3 == 1:
            a[0, 0] = 0.0  # a zero first pivot: elimination without row swaps divides by zero
        yield {"a": a}
    yield hidden({"a": _random_matrix(rng, 6)})
    yield hidden({"a": np.triu(_random_matrix(rng, 5))[::-1].copy()})
