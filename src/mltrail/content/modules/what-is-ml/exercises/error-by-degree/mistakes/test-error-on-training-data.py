# Mistake: measures the "test" error on the training data again, so both lists are the training error.
import numpy as np


def mse_by_degree(x_train, y_train, x_test, y_test, max_degree):
    x_train, y_train = np.asarray(x_train, dtype=float), np.asarray(y_train, dtype=float)
    train = []
    for degree in range(max_degree + 1):
        V = np.vander(x_train, degree + 1, increasing=True)
        w = np.linalg.lstsq(V, y_train, rcond=None)[0]
        train.append(float(np.mean((V @ w - y_train) ** 2)))
    return {"train": train, "test": list(train)}
