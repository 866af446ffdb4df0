# Mistake: picks the degree with the least TEST error, so the test set takes part in the choice.
import numpy as np


def select_degree(x_train, y_train, x_val, y_val, x_test, y_test, max_degree):
    x_train, y_train, x_test, y_test = (np.asarray(a, dtype=float) for a in (x_train, y_train, x_test, y_test))
    errors = []
    for d in range(max_degree + 1):
        w = np.linalg.lstsq(np.vander(x_train, d + 1, increasing=True), y_train, rcond=None)[0]
        errors.append(float(np.mean((np.vander(x_test, d + 1, increasing=True) @ w - y_test) ** 2)))
    best = min(errors)
    degree = next(d for d, e in enumerate(errors) if e <= best + 1e-9)
    return {"degree": degree, "test_mse": errors[degree]}
