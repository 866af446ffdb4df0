import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n, k):
    scale = float(rng.choice([1.0, 5.0, 50.0, 400.0]))
    # Half the rows sit far from 0, where exp overflows (above 709) or every exp underflows.
    offset = float(rng.choice([-1.0, 1.0]) * rng.uniform(750.0, 1000.0)) if rng.random() < 0.5 else 0.0
    Z = np.clip(np.round(rng.normal(offset, scale, size=(n, k)), 3), -1000.0, 1000.0)
    return {"logits": Z.tolist()}


def cases(rng):
    yield labelled({"logits": [[1.0, 2.0, 3.0], [1000.0, 1000.0, 0.0]]}, "the worked example")
    yield labelled({"logits": [[0.0, 0.0]]}, "two equal logits: one half each")
    yield labelled({"logits": [[-1000.0, -999.0, -1000.0]]}, "very negative logits: exp underflows without the shift")
    yield labelled({"logits": [[800.0, 0.0, -800.0], [3.0, 3.0, 3.0]]}, "huge spread, then equal logits")
    yield labelled({"logits": [[1.0, 2.0], [1.0, 2.0], [1.0, 2.0]]}, "identical rows")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 7)), int(rng.integers(2, 7)))
    yield hidden(_case(rng, 30, 10))


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) is not float for row in got for v in row):
            return "every entry must be a float"
    else:
        return f"return a list of lists of floats or a numpy array, not {type(got).__name__}"
    try:
        P = np.asarray(got, dtype=float)
    except ValueError:
        return "all rows must have the same length"
    if P.shape != want.shape:
        return f"return one probability per logit: shape {want.shape}, got {P.shape}"
    bad = np.argwhere(~(np.abs(P - want) <= 1e-12 + 1e-9 * np.abs(want)))
    if len(bad):
        i, j = (int(v) for v in bad[0])
        return f"P[{i}][{j}]: expected {float(want[i, j])!r}, got {float(P[i, j])!r}"
    return True
