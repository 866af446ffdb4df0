import numpy as np

from mltrail.grading.contract import hidden, labelled


def _score(w, b, x):
    return float(np.dot(w, x) + b)


def _test(rng, w, b):
    d = len(w)
    x = np.round(rng.normal(0, 2, size=d), 1)
    kind = ["mft", "invariance", "directional"][int(rng.integers(0, 3))]
    if kind == "mft":
        while abs(_score(w, b, x)) < 0.05:
            x = np.round(rng.normal(0, 2, size=d), 1)
        label = int(_score(w, b, x) >= 0) if rng.random() < 0.6 else int(_score(w, b, x) < 0)
        return {"kind": "mft", "input": x.tolist(), "label": label}
    j = int(rng.integers(0, d))
    x2 = x.copy()
    x2[j] = round(float(x[j] + rng.choice([-1, 1]) * rng.uniform(0.5, 3)), 1)
    change = _score(w, b, x2) - _score(w, b, x)
    if kind == "invariance":
        tol = float(rng.choice([0.01, 0.1, 0.5, 1.0]))
        while abs(abs(change) - tol) < 1e-3:
            tol *= 1.7
        return {"kind": "invariance", "input": x.tolist(), "perturbed": x2.tolist(), "tolerance": tol}
    return {"kind": "directional", "input": x.tolist(), "perturbed": x2.tolist(), "direction": ["up", "down"][int(rng.integers(0, 2))]}


def _case(rng):
    d = int(rng.integers(1, 5))
    w = np.round(rng.normal(0, 1, size=d), 1)
    w[rng.random(size=d) < 0.25] = 0.0  # features the model ignores
    w[int(rng.integers(0, d))] = round(float(rng.choice([-1, 1]) * rng.uniform(0.3, 1.5)), 1)  # at least one it uses
    b = round(float(rng.normal(0, 1)), 1)
    return {"weights": w.tolist(), "bias": b, "tests": [_test(rng, w, b) for _ in range(int(rng.integers(1, 9)))]}


def cases(rng):
    w, b = [0.8, -1.2, 0.0], -0.1
    ex = [
        {"kind": "mft", "input": [0.0, 2.0, 1.0], "label": 0},
        {"kind": "invariance", "input": [1.0, 0.5, 7.0], "perturbed": [1.0, 0.5, 4.0], "tolerance": 0.01},
        {"kind": "directional", "input": [1.0, 0.5, 7.0], "perturbed": [1.0, 0.9, 7.0], "direction": "up"},
    ]
    yield labelled({"weights": w, "bias": b, "tests": ex}, "the worked example")
    yield labelled({"weights": w, "bias": b, "tests": [
        {"kind": "invariance", "input": [1.0, 0.5, 7.0], "perturbed": [1.0, 1.5, 7.0], "tolerance": 0.5},
        {"kind": "invariance", "input": [1.0, 0.5, 7.0], "perturbed": [1.5, 0.5, 7.0], "tolerance": 0.5},
    ]}, "invariance: a drop of 1.2 fails, a rise of 0.4 passes")
    yield labelled({"weights": w, "bias": b, "tests": [
        {"kind": "directional", "input": [1.0, 0.5, 7.0], "perturbed": [1.0, 0.5, 9.0], "direction": "up"},
        {"kind": "directional", "input": [1.0, 0.5, 7.0], "perturbed": [1.0, 0.5, 9.0], "direction": "down"},
        {"kind": "directional", "input": [1.0, 0.5, 7.0], "perturbed": [1.0, 0.9, 7.0], "direction": "down"},
    ]}, "directional: an ignored feature moves nothing and fails both ways")
    yield labelled({"weights": [2.0], "bias": 0.0, "tests": [
        {"kind": "mft", "input": [0.0], "label": 1},
        {"kind": "mft", "input": [-0.5], "label": 1},
    ]}, "mft: a score of exactly 0 predicts 1")
    yield labelled({"weights": [1.0, 1.0], "bias": 0.0, "tests": [{"kind": "mft", "input": [1.0, 1.0], "label": 1}]}, "everything passes: an empty list")
    for _ in range(22):
        yield _case(rng)
    yield hidden(_case(rng))
