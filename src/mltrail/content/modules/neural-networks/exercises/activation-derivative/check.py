import numpy as np

from mltrail.grading.contract import hidden, labelled

NAMES = ("relu", "leaky_relu", "sigmoid", "tanh")


def _z(rng, m):
    z = np.round(rng.normal(0.0, 3.0, size=m), 2)
    z[rng.random(m) < 0.2] = 0.0  # the corner of ReLU occurs in practice (a unit exactly off)
    if rng.random() < 0.3:
        z[int(rng.integers(0, m))] = float(rng.choice([-1000.0, -40.0, 40.0, 1000.0]))
    return z.tolist()


def cases(rng):
    yield labelled({"name": "sigmoid", "z": [0.0, 2.0, -2.0]}, "the worked example")
    yield labelled({"name": "relu", "z": [-1.0, 0.0, 2.5]}, "ReLU on both sides of its corner")
    yield labelled({"name": "leaky_relu", "z": [-3.0, 0.0, 0.5]}, "leaky ReLU: 0.01 on the left and at 0")
    yield labelled({"name": "tanh", "z": [0.0, 0.5, -1.5]}, "tanh")
    yield labelled({"name": "sigmoid", "z": [-1000.0, 1000.0, 40.0]}, "sigmoid far from 0: no overflow, derivative about 0")
    yield labelled({"name": "tanh", "z": [-1000.0, 1000.0]}, "tanh saturated")
    for i in range(24):
        yield {"name": NAMES[i % 4], "z": _z(rng, int(rng.integers(1, 9)))}
    yield hidden({"name": NAMES[int(rng.integers(0, 4))], "z": _z(rng, 50)})


def compare(expected, got, case):
    want = np.asarray(expected, dtype=float)
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list):
        if any(type(v) is not float for v in got):
            return "every entry must be a float"
    else:
        return f"return a list of floats or a numpy array, not {type(got).__name__}"
    d = np.asarray(got, dtype=float)
    if d.shape != want.shape:
        return f"return one derivative per entry of z: shape {want.shape}, got {d.shape}"
    bad = np.flatnonzero(~(np.abs(d - want) <= 1e-12 + 1e-9 * np.abs(want)))
    if len(bad):
        i = int(bad[0])
        return f"at z = {case.args['z'][i]!r}: expected {float(want[i])!r}, got {float(d[i])!r}"
    return True
