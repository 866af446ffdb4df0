import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, h):
    p = float(rng.choice([0.1, 0.2, 0.25, 0.3, 0.5, 0.6, 0.8]))
    mask = (rng.random((n, h)) >= p).astype(int)
    mask[0, 0] = 0
    if n * h > 1:
        mask[-1, -1] = 1
    return {"x": np.round(rng.normal(0.0, 2.0, size=(n, h)), 3).tolist(), "mask": mask.tolist(), "p": p,
            "grad_out": np.round(rng.normal(0.0, 1.0, size=(n, h)), 3).tolist()}


def _matrix(got, shape, name):
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"{name}: return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) is not float for row in got for v in row):
            return f"{name}: every entry must be a float"
    else:
        return f"{name} must be a list of lists of floats or a numpy array, not {type(got).__name__}"
    try:
        array = np.asarray(got, dtype=float)
    except ValueError:
        return f"{name}: all rows must have the same length"
    if array.shape != shape:
        return f"{name} must have the shape of x, {shape}; got {array.shape}"
    return array


def cases(rng):
    yield labelled({"x": [[1.0, 2.0, 3.0]], "mask": [[1, 0, 1]], "p": 0.5, "grad_out": [[0.1, 0.2, 0.3]]}, "the worked example")
    yield labelled({"x": [[1.0, -1.0], [2.0, 0.5]], "mask": [[1, 1], [0, 1]], "p": 0.2, "grad_out": [[1.0, 1.0], [1.0, 1.0]]}, "p = 0.2: survivors scaled by 1.25")
    yield labelled({"x": [[3.0, 4.0]], "mask": [[0, 0]], "p": 0.9, "grad_out": [[5.0, 6.0]]}, "everything dropped")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 6)), int(rng.integers(1, 7)))
    yield hidden(_case(rng, 16, 32))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (out, grad_x)"
    for name, want, value in (("out", expected[0], got[0]), ("grad_x", expected[1], got[1])):
        want = np.asarray(want, dtype=float)
        array = _matrix(value, want.shape, name)
        if isinstance(array, str):
            return array
        bad = np.argwhere(~(np.abs(array - want) <= 1e-12 * np.abs(want) + 1e-300))
        if len(bad):
            i, j = (int(v) for v in bad[0])
            return f"{name}[{i}][{j}]: expected {float(want[i, j])!r}, got {float(array[i, j])!r}"
    return True
