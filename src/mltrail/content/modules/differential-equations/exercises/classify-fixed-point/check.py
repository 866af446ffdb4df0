from mltrail.grading.contract import hidden, labelled

NAMES = ("saddle", "stable node", "unstable node", "stable spiral", "unstable spiral", "center")


def _ok(A):
    (a, b), (c, d) = A
    T, D = a + d, a * d - b * c
    return D != 0 and T * T - 4 * D != 0


def _random(rng):
    while True:
        A = [[int(v) for v in rng.integers(-6, 7, size=2)] for _ in range(2)]
        if _ok(A):
            return A


def _center(rng):
    while True:
        a, b, c = (int(v) for v in rng.integers(-6, 7, size=3))
        A = [[a, b], [c, -a]]
        if _ok(A) and -a * a - b * c > 0:
            return A


def _saddle(rng):
    while True:
        A = _random(rng)
        if A[0][0] * A[1][1] - A[0][1] * A[1][0] < 0:
            return A


def cases(rng):
    yield labelled({"A": [[-1, 2], [-2, -1]]}, "the worked example: eigenvalues -1 +- 2i")
    yield labelled({"A": [[1, 0], [0, -1]]}, "a saddle: eigenvalues 1 and -1")
    yield labelled({"A": [[-1, 0], [0, -3]]}, "a stable node: eigenvalues -1 and -3")
    yield labelled({"A": [[2, 1], [0, 3]]}, "an unstable node: eigenvalues 2 and 3")
    yield labelled({"A": [[1, -3], [3, 1]]}, "an unstable spiral: eigenvalues 1 +- 3i")
    yield labelled({"A": [[0, 1], [-4, 0]]}, "a centre: eigenvalues +- 2i")
    yield labelled({"A": [[3, 5], [1, 2]]}, "positive trace and determinant, real eigenvalues")
    for k in range(22):
        yield {"A": _center(rng) if k % 3 == 0 else _saddle(rng) if k % 3 == 1 else _random(rng)}
    yield hidden({"A": _random(rng)})


def compare(expected, got, case):
    if type(got) is not str:
        return f"return one of the six names as a string, not {type(got).__name__}"
    if got not in NAMES:
        return f"{got!r} is not one of the six names: {', '.join(repr(n) for n in NAMES)}"
    if got != expected:
        return f"expected {expected!r}, got {got!r}"
    return True
