import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n):
    A = np.round(rng.normal(0.0, 2.0, size=(n, n)), 2)
    if n > 1 and np.allclose(A, A.T):
        A[0, -1] += 1.0
    return {
        "A": A.tolist(),
        "b": [round(float(v), 2) for v in rng.normal(0.0, 2.0, size=n)],
        "x": [round(float(v), 2) for v in rng.normal(0.0, 2.0, size=n)],
    }


def cases(rng):
    yield labelled({"A": [[1.0, 2.0], [0.0, 3.0]], "b": [1.0, -1.0], "x": [1.0, 2.0]}, "the worked example")
    yield labelled({"A": [[2.0]], "b": [3.0], "x": [5.0]}, "one variable: 2x**2 + 3x")
    yield labelled({"A": [[0.0, 1.0], [0.0, 0.0]], "b": [0.0, 0.0], "x": [3.0, 4.0]}, "f = x1 * x2 (A upper triangular)")
    yield labelled({"A": [[2.0, 1.0], [1.0, 2.0]], "b": [0.0, 0.0], "x": [1.0, -1.0]}, "a symmetric A")
    yield labelled({"A": [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], "b": [1.0, 2.0, 3.0], "x": [1.0, 0.0, -1.0]}, "A = identity: the gradient is 2x + b")
    for _ in range(22):
        yield _case(rng, int(rng.integers(2, 6)))
    yield hidden(_case(rng, 8))


def compare(expected, got, case):
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
        got = got.tolist()
    if not isinstance(got, list):
        return f"return a list of floats, not {type(got).__name__}"
    if len(got) != len(expected):
        return f"expected a gradient of {len(expected)} entries, got {len(got)}"
    A, x = np.abs(np.asarray(case.args["A"])), np.abs(np.asarray(case.args["x"]))
    scale = (A + A.T) @ x + np.abs(np.asarray(case.args["b"]))  # the size of the terms summed
    for k, (e, g) in enumerate(zip(expected, got)):
        if type(g) is not float:
            return f"entry {k} must be a float, not {type(g).__name__}"
        if abs(g - e) > 1e-9 * (scale[k] + 1e-300):
            return f"partial derivative {k}: expected {e!r}, got {g!r}"
    return True
