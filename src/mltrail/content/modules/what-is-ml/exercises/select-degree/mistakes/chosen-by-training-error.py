# Mistake: picks the degree with the least TRAINING error, which is (almost) always the highest degree.
import numpy as np


def select_degree(x_train, y_train, x_val, y_val, x_test, y_test, max_degree):
    x_train, y_train, x_test, y_test = (np.asarray(a, dtype=float) for a in (x_train, y_train, x_test, y_test))
    fits, errors = [], []
    for d in range(max_degree + 1):
        V = np.vander(x_train, d + 1, increasing=True)
        w = np.linalg.lstsq(V, y_train, rcond=None)[0]
        fits.append(w)
        errors.append(float(np.mean((V @ w - y_train) ** 2)))
    best = min(errors)
    degree = next(d for d, e in enumerate(errors) if e <= best + 1e-9)
    w = fits[degree]
    return {"degree": degree, "test_mse": float(np.mean((np.vander(x_test, degree + 1, increasing=True) @ w - y_test) ** 2))}
