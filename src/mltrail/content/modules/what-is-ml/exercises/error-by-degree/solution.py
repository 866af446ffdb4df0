import numpy as np


def mse_by_degree(x_train, y_train, x_test, y_test, max_degree):
    """Training and test MSE of the least-squares polynomial of each degree 0..max_degree."""
    x_train, y_train = np.asarray(x_train, dtype=float), np.asarray(y_train, dtype=float)
    x_test, y_test = np.asarray(x_test, dtype=float), np.asarray(y_test, dtype=float)
    train, test = [], []
    for degree in range(max_degree + 1):
        V = np.vander(x_train, degree + 1, increasing=True)
        w = np.linalg.lstsq(V, y_train, rcond=None)[0]
        train.append(float(np.mean((V @ w - y_train) ** 2)))
        test.append(float(np.mean((np.vander(x_test, degree + 1, increasing=True) @ w - y_test) ** 2)))
    return {"train": train, "test": test}
