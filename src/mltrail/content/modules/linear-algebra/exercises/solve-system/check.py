import numpy as np

from mltrail.grading.contract import hidden, labelled


def _system(rng, n, zero_pivot=False):
    while True:
        a = np.round(rng.normal(0.0, 2.0, size=(n, n)), 2)
        if zero_pivot and n >= 2:
            a[0, 0] = 0.0  # elimination without row swaps divides by zero here
        x = np.round(rng.normal(0.0, 2.0, size=n), 2)
        b = a @ x
        # Well-conditioned systems only, so that every correct method agrees to 1e-6;
        # and never an answer equal to b (as for a = [[1.0]]).
        if np.linalg.cond(a) < 1e3 and not np.allclose(x, b):
            return {"a": a, "b": b}


def cases(rng):
    yield labelled({"a": np.array([[2.0]]), "b": np.array([6.0])}, "a 1x1 system")
    yield labelled(
        {"a": np.array([[0.0, 2.0], [3.0, 1.0]]), "b": np.array([4.0, 5.0])},
        "zero pivot: the rows must be swapped",
    )
    yield labelled(
        {"a": np.array([[2.0, 0.0, 0.0], [0.0, -4.0, 0.0], [0.0, 0.0, 0.5]]), "b": np.array([2.0, 8.0, 1.0])},
        "a diagonal matrix",
    )
    yield labelled(
        {"a": np.array([[1.0, 2.0, -1.0], [0.0, 1.0, 3.0], [0.0, 0.0, 2.0]]), "b": np.array([1.0, 5.0, 4.0])},
        "upper triangular: back-substitution only",
    )
    yield labelled(
        {"a": np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 7.0], [1.0, 3.0, 2.0]]), "b": np.array([5.0, 12.0, 2.0])},
        "a zero pivot appears in the middle of elimination",
    )
    yield labelled(
        {"a": np.array([[1e-12, 1.0], [1.0, 1.0]]), "b": np.array([1.0, 2.0])},
        "a tiny first pivot (pivoting keeps it accurate)",
    )
    for i in range(22):
        yield _system(rng, 1 + i % 6, zero_pivot=i % 3 == 1)
    yield hidden(_system(rng, 6))
    yield hidden(_system(rng, 5))
