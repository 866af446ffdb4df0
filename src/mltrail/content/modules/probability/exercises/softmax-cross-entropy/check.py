import math

from mltrail.grading.contract import hidden, labelled


def _batch(rng, n, k, offset, scale):
    logits = rng.normal(0.0, scale, size=(n, k)) + offset
    labels = rng.integers(0, k, size=n)
    return {"logits": [[float(round(v, 4)) for v in row] for row in logits], "labels": [int(v) for v in labels]}


def cases(rng):
    yield labelled({"logits": [[2.0, 1.0, 0.1], [1000.0, 1002.0, 999.0]], "labels": [0, 1]}, "the worked example")
    yield labelled({"logits": [[0.0, 0.0]], "labels": [1]}, "equal logits: log 2")
    yield labelled({"logits": [[0.0, 0.0, 0.0, 0.0]], "labels": [2]}, "four equal logits: log 4")
    yield labelled({"logits": [[800.0, 0.0], [0.0, 800.0]], "labels": [1, 1]}, "one very wrong and one very right prediction")
    yield labelled({"logits": [[-1000.0, -1001.0, -1003.0]], "labels": [0]}, "large negative logits")
    yield labelled({"logits": [[3.0, 1.0], [1.0, 3.0], [2.0, 2.0]], "labels": [0, 0, 0]}, "a batch of three: the mean")
    for i in range(24):
        n, k = int(rng.integers(1, 8)), int(rng.integers(2, 8))
        if i % 2 == 0:
            yield _batch(rng, n, k, 0.0, float(rng.uniform(0.5, 5.0)))
        else:
            yield _batch(rng, n, k, float(rng.choice([-1.0, 1.0]) * rng.uniform(750, 3000)), float(rng.uniform(0.5, 5.0)))
    yield hidden(_batch(rng, 200, 10, 0.0, 30.0))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if math.isnan(got) or math.isinf(got):
        return f"got {got!r}: did exp overflow? Subtract the largest logit before exponentiating"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
