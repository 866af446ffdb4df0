import numpy as np

from mltrail.grading.contract import hidden, labelled


def cases(rng):
    yield labelled({"fan_in": 120, "fan_out": 60, "scheme": "xavier_uniform", "seed": 0}, "the worked example")
    yield labelled({"fan_in": 120, "fan_out": 60, "scheme": "he_normal", "seed": 1}, "He normal: the fan-in sets the spread")
    yield labelled({"fan_in": 60, "fan_out": 120, "scheme": "xavier_uniform", "seed": 2}, "Xavier with more outputs than inputs")
    yield labelled({"fan_in": 60, "fan_out": 120, "scheme": "he_normal", "seed": 3}, "He normal with a small fan-in")
    for i in range(22):
        fan_in, fan_out = (int(v) for v in rng.integers(60, 121, size=2))
        yield {"fan_in": fan_in, "fan_out": fan_out, "scheme": ("xavier_uniform", "he_normal")[i % 2],
               "seed": int(rng.integers(0, 2**31))}
    yield hidden({"fan_in": int(rng.integers(60, 121)), "fan_out": int(rng.integers(60, 121)), "scheme": "he_normal",
                  "seed": int(rng.integers(0, 2**31))})


def compare(expected, got, case):
    fan_in, fan_out, scheme = case.args["fan_in"], case.args["fan_out"], case.args["scheme"]
    if isinstance(got, np.ndarray):
        if got.dtype.kind != "f":
            return f"return floats, not an array of dtype {got.dtype}"
    elif isinstance(got, list) and all(isinstance(row, list) for row in got):
        if any(type(v) is not float for row in got for v in row):
            return "every entry must be a float"
    else:
        return f"return a numpy array or a list of lists of floats, not {type(got).__name__}"
    try:
        W = np.asarray(got, dtype=float)
    except ValueError:
        return "all rows must have the same length"
    if W.shape != (fan_in, fan_out):
        return f"the matrix must have shape (fan_in, fan_out) = {(fan_in, fan_out)}, got {W.shape}"
    if not np.isfinite(W).all():
        return "the weights must be finite numbers"
    N = W.size
    if scheme == "xavier_uniform":
        a = np.sqrt(6.0 / (fan_in + fan_out))
        std, kurtosis = a / np.sqrt(3.0), 1.8
    else:
        std, kurtosis = np.sqrt(2.0 / fan_in), 3.0
    mean = float(W.mean())
    if abs(mean) > 7 * std / np.sqrt(N):
        return f"the mean of the weights is {mean:.3g}: too far from 0 for {N} draws with standard deviation {std:.4g}"
    s = float(W.std())
    if abs(s / std - 1.0) > 7 * np.sqrt((kurtosis - 1.0) / (4 * N)):
        return f"the standard deviation of the weights is {s:.4g}; {scheme} with these fans needs {std:.4g}"
    if scheme == "xavier_uniform":
        top = float(np.abs(W).max())
        if top > a * (1 + 1e-12):
            return f"a weight of magnitude {top:.4g} lies outside [-a, a] with a = {a:.4g}"
        if W.max() < a * (1 - 50.0 / N) or W.min() > -a * (1 - 50.0 / N):
            return f"uniform weights on [-a, a] (a = {a:.4g}) come close to both ends; yours span [{W.min():.4g}, {W.max():.4g}]"
    else:
        k = float(np.mean((W - mean) ** 4) / s**4)
        if not 2.4 <= k <= 3.8:
            return f"the kurtosis of the weights is {k:.3g}: normal draws have about 3 (uniform ones 1.8)"
    return True
