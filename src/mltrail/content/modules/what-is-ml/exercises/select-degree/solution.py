import numpy as np


def _mse(w, x, y):
    return float(np.mean((np.vander(x, len(w), increasing=True) @ w - y) ** 2))


def select_degree(x_train, y_train, x_val, y_val, x_test, y_test, max_degree):
    """The degree with the least validation MSE (near-ties to the smallest), and its test MSE."""
    x_train, y_train, x_val, y_val, x_test, y_test = (
        np.asarray(a, dtype=float) for a in (x_train, y_train, x_val, y_val, x_test, y_test))
    fits = [np.linalg.lstsq(np.vander(x_train, d + 1, increasing=True), y_train, rcond=None)[0]
            for d in range(max_degree + 1)]
    validation = [_mse(w, x_val, y_val) for w in fits]
    best = min(validation)
    degree = next(d for d, v in enumerate(validation) if v <= best + 1e-9)
    return {"degree": degree, "test_mse": _mse(fits[degree], x_test, y_test)}
