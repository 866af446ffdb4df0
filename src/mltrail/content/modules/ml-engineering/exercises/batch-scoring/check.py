import math

import numpy as np

from mltrail.grading.contract import Iterated, hidden, labelled


def _case(rng):
    n, d = int(rng.integers(0, 40)), int(rng.integers(1, 5))
    X = np.round(rng.normal(0, 2, size=(n, d)), 3)
    w = np.round(rng.normal(0, 1.5, size=d), 3)
    return {"rows": X.tolist(), "weights": w.tolist(), "bias": round(float(rng.normal(0, 2)), 3), "batch_size": int(rng.integers(1, 12))}


def cases(rng):
    rows = [[0.0, 1.0], [2.0, 0.0], [1.0, 1.0], [0.0, 0.0], [3.0, -1.0]]
    yield labelled({"rows": rows, "weights": [1.0, -1.0], "bias": 0.5, "batch_size": 2}, "the worked example: a last chunk of one row")
    yield labelled({"rows": rows, "weights": [1.0, -1.0], "bias": 0.5, "batch_size": 5}, "one full chunk")
    yield labelled({"rows": rows, "weights": [1.0, -1.0], "bias": 0.5, "batch_size": 100}, "a chunk larger than the table")
    yield labelled({"rows": [], "weights": [1.0], "bias": 0.0, "batch_size": 3}, "an empty table yields nothing")
    yield labelled({"rows": [[40.0], [-40.0], [0.0]], "weights": [1.0], "bias": 0.0, "batch_size": 1}, "large scores on both sides, chunks of one")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))


def compare(expected, got, case):
    if type(got) is not Iterated:
        return "write a generator: yield one list of scores per chunk"
    if got.truncated:
        return "your generator did not stop"
    want, have = expected.items, got.items
    if len(have) != len(want):
        return f"expected {len(want)} chunks (of at most {case.args['batch_size']} rows), got {len(have)}"
    for k, (a, b) in enumerate(zip(want, have)):
        try:
            b = [float(v) for v in b]
        except (TypeError, ValueError):
            return f"chunk {k}: yield a list of floats, got {b!r}"
        if len(b) != len(a):
            return f"chunk {k}: expected {len(a)} scores, got {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            if not math.isfinite(y) or abs(x - y) > 1e-9 * abs(x) + 1e-300:
                return f"chunk {k}, score {i}: expected {x!r}, got {y!r}"
    return True
