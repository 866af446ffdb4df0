import numpy as np

from mltrail.grading.contract import hidden, labelled

NAMES = ["age", "income", "clicks", "tenure", "score", "visits"]


def _shift(train, serve):
    t = np.asarray(train, dtype=float)
    return abs(np.mean(serve) - t.mean()) / t.std()


def _column(rng, threshold):
    n = int(rng.integers(2, 30))
    loc, scale = float(rng.uniform(-50, 100)), float(rng.uniform(0.5, 20))
    train = [round(float(v), 2) for v in rng.normal(loc, scale, size=n)]
    while len(set(train)) < 2:
        train = [round(float(v), 2) for v in rng.normal(loc, scale, size=n)]
    while True:  # keep the shift clear of the threshold, so rounding cannot decide
        move = float(rng.choice([0.0, 0.5, 1.0, 2.0, 4.0])) * threshold * float(rng.uniform(0.3, 1.8))
        serve = [round(float(v), 2) for v in rng.normal(loc + move * scale * rng.choice([-1, 1]), scale, size=int(rng.integers(1, 20)))]
        if abs(_shift(train, serve) / threshold - 1) > 1e-3:
            return train, serve


def _case(rng):
    threshold = float(rng.choice([0.5, 1.0, 2.0, 3.0]))
    k = int(rng.integers(1, 6))
    columns = [NAMES[i] for i in rng.choice(len(NAMES), size=k, replace=False)]
    train, serve = {}, {}
    for c in columns:
        train[c], serve[c] = _column(rng, threshold)
    if rng.random() < 0.3:
        del serve[columns[0]]
    if rng.random() < 0.3:
        serve["new_" + str(int(rng.integers(0, 5)))] = [float(rng.normal())]
    return {"train": train, "serve": serve, "threshold": threshold}


def cases(rng):
    train = {"age": [31.0, 45.0, 38.0, 52.0, 29.0, 41.0], "clicks": [3, 5, 4, 6]}
    serve = {"age": [58.0, 61.0, 49.0, 66.0], "clicks": [5, 4], "coupon": [1.0]}
    yield labelled({"train": train, "serve": serve, "threshold": 2.0}, "the worked example")
    yield labelled({"train": train, "serve": {"age": [40.0]}, "threshold": 2.0}, "clicks missing at serving time")
    yield labelled({"train": {"x": [0.0, 2.0]}, "serve": {"x": [0.0, 6.0]}, "threshold": 1.0}, "a wide serving batch: its own std hides a shift of 2 training stds")
    yield labelled({"train": {"x": [0.0, 2.0]}, "serve": {"x": [2.1]}, "threshold": 1.0}, "population std 1: a shift of 1.1 is reported (the sample std 1.41 would hide it)")
    yield labelled({"train": {"x": [0.0, 2.0]}, "serve": {"x": [1.5, 1.5, 1.5]}, "threshold": 1.0}, "a serving batch with no spread and a small shift: not reported")
    yield labelled({"train": {"b": [1.0, 2.0], "a": [1.0, 3.0]}, "serve": {"b": [9.0], "a": [9.0]}, "threshold": 1.0}, "the list is sorted")
    yield labelled({"train": {"x": [0.0, 2.0]}, "serve": {"x": [3.0]}, "threshold": 2.0}, "a shift of exactly the threshold, 2 training stds: not greater, not reported")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))
