import numpy as np


def mse_by_degree(x_train, y_train, x_test, y_test, max_degree):
    """Training and test MSE of the least-squares polynomial of each degree 0..max_degree."""
    x_train, y_train = np.asarray(x_train, dtype=float), np.asarray(y_train, dtype=float)
    x_test, y_test = np.asarray(x_test, dtype=float), np.asarray(y_test, dtype=float)
    train, test = [], []
    # for each degree: fit on the training data, then measure on both sets
    return {"train": train, "test": test}
