import numpy as np

from mltrail.grading.contract import hidden, labelled


def _case(rng, n):
    scale = float(rng.choice([1.0, 30.0, 100.0, 300.0]))
    z = np.clip(np.round(rng.normal(0.0, scale, size=n), 3), -1000.0, 1000.0)
    if rng.random() < 0.5:
        t = rng.integers(0, 2, size=n).astype(float)
    else:
        t = np.round(rng.uniform(0.0, 1.0, size=n), 3)
    return {"logits": z.tolist(), "targets": t.tolist()}


def cases(rng):
    yield labelled({"logits": [0.0, 2.0, -1000.0], "targets": [1.0, 0.0, 0.0]}, "the worked example")
    yield labelled({"logits": [0.0], "targets": [0.0]}, "one example at z = 0: log 2")
    yield labelled({"logits": [40.0, -40.0], "targets": [1.0, 0.0]}, "confident and right: the loss is tiny, not nan")
    yield labelled({"logits": [1000.0, -1000.0], "targets": [0.0, 1.0]}, "confident and wrong: a loss of 1000, not inf")
    yield labelled({"logits": [3.0, -3.0, 0.5], "targets": [0.5, 0.5, 0.25]}, "soft targets")
    for _ in range(22):
        yield _case(rng, int(rng.integers(1, 12)))
    yield hidden(_case(rng, 200))


def compare(expected, got, case):
    if isinstance(got, np.floating):
        got = float(got)
    if type(got) is not float:
        return f"return the loss as a float, not {type(got).__name__}"
    tol = 1e-9 * (1.0 + max(abs(v) for v in case.args["logits"]))
    if not abs(got - expected) <= tol:
        return f"expected {expected!r}, got {got!r}"
    return True
