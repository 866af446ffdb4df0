import numpy as np

from mltrail.grading.contract import hidden, labelled


def _problem(rng, spread):
    n, d = int(rng.integers(2, 40)), int(rng.integers(1, 6))
    X = np.round(rng.normal(0.0, 1.0, size=(n, d)), 3)
    w = np.round(rng.normal(0.0, spread, size=d), 3)
    b = float(np.round(rng.normal(0.0, 1.0), 3))
    top = float(np.abs(X @ w + b).max())
    if top > 990:  # the prompt promises logits within +-1000
        w = np.round(w * 990 / top, 3)
    p = 1.0 / (1.0 + np.exp(-np.clip(X @ rng.normal(0.0, 1.0, size=d), -30, 30)))
    return {"X": X, "y": (rng.random(n) < p).astype(int), "w": w, "b": b}


def cases(rng):
    X = np.array([[1.0, 2.0], [0.0, -1.0], [3.0, 0.0]])
    yield labelled({"X": X, "y": np.array([1, 0, 1]), "w": np.array([0.5, -0.5]), "b": 0.0}, "the worked example")
    yield labelled({"X": X, "y": np.array([1, 0, 1]), "w": np.array([0.0, 0.0]), "b": 0.0}, "all logits 0: loss log 2")
    yield labelled({"X": np.array([[1.0], [1.0]]), "y": np.array([1, 0]), "w": np.array([800.0]), "b": 0.0}, "logit 800: one example right, one badly wrong")
    yield labelled({"X": np.array([[1.0], [-1.0]]), "y": np.array([0, 1]), "w": np.array([999.0]), "b": 1.0}, "logits 1000 and -998, both wrong: loss 999")
    yield labelled({"X": np.array([[2.0, 1.0], [-3.0, 0.5]]), "y": np.array([1, 0]), "w": np.array([300.0, 0.0]), "b": 0.0}, "confident and right: loss near 0")
    yield labelled({"X": np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), "y": np.array([0, 0, 0]), "w": np.array([1.0, 1.0]), "b": -2.0}, "one class only")
    for i in range(22):
        yield _problem(rng, 1.0 if i % 2 else 100.0)
    yield hidden(_problem(rng, 300.0))


def _number(value):
    return type(value) in (int, float)


def compare(expected, got, case):
    if type(got) not in (tuple, list) or len(got) != 3:
        return "return a tuple (loss, grad_w, grad_b)"
    loss, grad_w, grad_b = got
    if not _number(loss) or not _number(grad_b):
        return "the loss and grad_b must be floats"
    if isinstance(grad_w, np.ndarray):
        if grad_w.dtype.kind not in "fi":
            return "grad_w must hold floats"
    elif type(grad_w) not in (list, tuple) or any(not _number(v) for v in grad_w):
        return "grad_w must be a 1-D array or a list of floats"
    grad_w = np.asarray(grad_w, dtype=float)
    want_loss, want_w, want_b = expected
    want_w = np.asarray(want_w, dtype=float)
    if not np.isfinite(loss):
        return f"the loss is {loss}: compute log(1 + e^z) with np.logaddexp(0, z), not log(sigmoid(z))"
    # log(1 + e^z) - y z cancels for large z: its rounding error is about 1e-16 times |z|.
    scale = 1.0 + float(np.abs(case.args["X"] @ case.args["w"] + case.args["b"]).mean())
    if abs(loss - want_loss) > 1e-9 * abs(want_loss) + 1e-13 * scale:
        return f"loss: expected {want_loss!r}, got {loss!r}"
    if grad_w.shape != want_w.shape:
        return f"grad_w: expected {len(want_w)} values, got shape {grad_w.shape}"
    if not np.all(np.abs(grad_w - want_w) <= 1e-9 * np.abs(want_w) + 1e-12):
        return f"grad_w: expected {want_w.tolist()!r}, got {grad_w.tolist()!r}"
    if abs(grad_b - want_b) > 1e-9 * abs(want_b) + 1e-12:
        return f"grad_b: expected {want_b!r}, got {grad_b!r}"
    return True
