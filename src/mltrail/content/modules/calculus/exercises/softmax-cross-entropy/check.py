import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, k, offset):
    logits = np.round(np.clip(rng.normal(offset, rng.uniform(0.5, 4.0), size=(n, k)), -1000.0, 1000.0), 3)
    return {"logits": logits.tolist(), "labels": [int(v) for v in rng.integers(0, k, size=n)]}


def cases(rng):
    yield labelled({"logits": [[0.0, 0.0], [2.0, 0.0]], "labels": [0, 1]}, "the worked example")
    yield labelled({"logits": [[1.0, 2.0, 3.0]], "labels": [2]}, "one example")
    yield labelled({"logits": [[800.0, 0.0, -800.0], [500.0, 501.0, 499.0]], "labels": [0, 2]}, "large logits: exp overflows without the max shift")
    yield labelled({"logits": [[5.0, 5.0, 5.0, 5.0]] * 3, "labels": [0, 1, 3]}, "equal logits: loss log 4")
    yield labelled({"logits": [[-30.0, 30.0], [30.0, -30.0]], "labels": [0, 0]}, "one confident mistake, one confident hit")
    for i in range(22):
        offset = float(rng.uniform(-900.0, 900.0)) if i % 4 == 0 else 0.0
        yield _case(rng, int(rng.integers(1, 9)), int(rng.integers(2, 6)), offset)
    yield hidden(_case(rng, 40, 10, 0.0))


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two values: (loss, grad)"
    loss, grad = got
    if type(loss) is not float:
        return f"the loss must be a float, not {type(loss).__name__}"
    want = np.asarray(expected[1], dtype=float)
    if isinstance(grad, np.ndarray):
        if grad.dtype.kind != "f":
            return f"grad: return floats, not an array of dtype {grad.dtype}"
    elif isinstance(grad, list) and all(isinstance(row, list) for row in grad):
        if any(type(v) is not float for row in grad for v in row):
            return "grad: every entry must be a float"
    else:
        return f"grad must be a list of lists of floats or a numpy array, not {type(grad).__name__}"
    try:
        g = np.asarray(grad, dtype=float)
    except ValueError:
        return "grad: all rows must have the same length"
    if g.shape != want.shape:
        return f"grad must have the shape of the logits, {want.shape}; got {g.shape}"
    scale = 1.0 + float(np.abs(np.asarray(case.args["logits"])).max())
    if not abs(loss - expected[0]) <= 1e-9 * scale:
        return f"loss: expected {expected[0]!r}, got {loss!r}"
    bad = np.argwhere(~(np.abs(g - want) <= 1e-12))
    if len(bad):
        i, j = (int(v) for v in bad[0])
        return f"grad[{i}][{j}]: expected {float(want[i, j])!r}, got {float(g[i, j])!r}"
    return True
