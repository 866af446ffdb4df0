import math

from mltrail.grading.contract import hidden, labelled


def _batch(rng, n, scale):
    logits = rng.normal(0.0, scale, size=n)
    # labels that mostly agree with the logits, as a trained model's would
    labels = (rng.random(size=n) < 1 / (1 + math.e ** (-(logits / scale) * 2))).astype(int)
    return {"labels": [int(v) for v in labels], "logits": [float(round(v, 4)) for v in logits]}


def cases(rng):
    yield labelled({"labels": [1, 0, 1], "logits": [2.0, -1.0, 50.0]}, "the worked example")
    yield labelled({"labels": [0, 1], "logits": [0.0, 0.0]}, "logits 0: log 2 each")
    yield labelled({"labels": [0], "logits": [3.0]}, "one negative example")
    yield labelled({"labels": [1, 0], "logits": [-800.0, 800.0]}, "confident and wrong: a loss of 800")
    yield labelled({"labels": [1, 0], "logits": [40.0, -40.0]}, "confident and right: a tiny loss")
    for i in range(24):
        yield _batch(rng, int(rng.integers(1, 30)), float(rng.uniform(0.5, 4.0) if i % 2 == 0 else rng.uniform(40, 400)))
    yield hidden(_batch(rng, 500, 20.0))


def compare(expected, got, case):
    if type(got) is not float:
        return f"return a float, not {type(got).__name__}"
    if math.isnan(got) or math.isinf(got):
        return f"got {got!r}: did sigmoid round to 0.0 or 1.0 before the log? Work with the logits directly"
    if not math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12):
        return f"expected {expected!r}, got {got!r}"
    return True
