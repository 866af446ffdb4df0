import numpy as np

from mltrail.grading.contract import hidden, labelled


def _inverse(m):
    (p, q), (r, s) = m
    det = p * s - q * r
    return [[s / det, -q / det], [-r / det, p / det]]


def _invertible(rng, integer):
    while True:
        if integer:
            m = rng.integers(-9, 10, size=(2, 2)).astype(float)
        else:
            m = np.round(rng.normal(0.0, 3.0, size=(2, 2)), 2)
        m = m.tolist()
        (p, q), (r, s) = m
        # Skip singular and nearly singular matrices, and matrices that are their own inverse.
        if abs(p * s - q * r) < 0.5 or np.allclose(_inverse(m), m):
            continue
        return m


def _singular(rng):
    # Second row = k * first row with small integers: p * s - q * r is exactly 0.
    p, q = (float(x) for x in rng.integers(-9, 10, size=2))
    k = float(rng.integers(-3, 4))
    if rng.random() < 0.5:
        return [[p, q], [k * p, k * q]]
    return [[k * p, k * q], [p, q]]


def cases(rng):
    yield labelled({"a": [[4.0, 7.0], [2.0, 6.0]]}, "determinant 10")
    yield labelled({"a": [[1.0, 2.0], [3.0, 4.0]]}, "negative determinant")
    yield labelled({"a": [[2.0, 0.0], [0.0, 4.0]]}, "a diagonal matrix")
    yield labelled({"a": [[1.0, 2.0], [2.0, 4.0]]}, "singular: second row = 2 x first row")
    yield labelled({"a": [[0.0, 0.0], [0.0, 0.0]]}, "the zero matrix")
    yield labelled({"a": [[0.0, 3.0], [-2.0, 0.0]]}, "zeros on the diagonal")
    yield labelled({"a": [[3.0, -6.0], [-1.0, 2.0]]}, "singular with negative entries")
    for i in range(22):
        if i % 5 == 4:
            yield {"a": _singular(rng)}
        else:
            yield {"a": _invertible(rng, integer=i % 3 != 2)}
    yield hidden({"a": _invertible(rng, integer=False)})
    yield hidden({"a": _singular(rng)})
