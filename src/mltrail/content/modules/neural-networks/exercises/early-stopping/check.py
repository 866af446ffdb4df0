import numpy as np

from mltrail.grading.contract import hidden, labelled


def _curve(rng, n):
    t = np.arange(n)
    turn = rng.uniform(0.2, 1.0) * n
    curve = 1.0 / (1.0 + 0.3 * t) + 0.02 * np.maximum(t - turn, 0.0) + rng.normal(0.0, 0.03, size=n)
    return [float(v) for v in np.round(np.round(curve * 20) / 20, 2)]  # to the nearest 0.05: ties happen


def cases(rng):
    yield labelled({"val_losses": [0.9, 0.7, 0.72, 0.7, 0.75, 0.6], "patience": 3}, "the worked example")
    yield labelled({"val_losses": [0.5], "patience": 1}, "a single epoch")
    yield labelled({"val_losses": [1.0, 0.9, 0.8, 0.7], "patience": 1}, "always improving: runs to the end")
    yield labelled({"val_losses": [0.5, 0.6, 0.7, 0.8], "patience": 2}, "never improving after epoch 0")
    yield labelled({"val_losses": [0.5, 0.5, 0.5, 0.4], "patience": 2}, "a plateau of ties stops training")
    yield labelled({"val_losses": [0.8, 0.6, 0.7, 0.6, 0.65, 0.5, 0.55], "patience": 2}, "patience 2: stopped before the later best")
    for _ in range(22):
        yield {"val_losses": _curve(rng, int(rng.integers(2, 40))), "patience": int(rng.integers(1, 6))}
    yield hidden({"val_losses": _curve(rng, 100), "patience": 5})


def compare(expected, got, case):
    if not isinstance(got, tuple) or len(got) != 2:
        return "return a tuple of two ints: (stop_epoch, best_epoch)"
    if any(type(v) is not int for v in got):
        return "both epochs must be ints"
    if got[0] != expected[0]:
        return f"training stops at epoch {expected[0]}, not {got[0]}"
    if got[1] != expected[1]:
        return f"the best epoch is {expected[1]}, not {got[1]}"
    return True
