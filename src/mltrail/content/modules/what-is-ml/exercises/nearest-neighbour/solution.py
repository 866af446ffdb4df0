import numpy as np


def one_nn_predict(X_train, y_train, X_test):
    """Label each test row like its nearest training row (the earliest one on a tie)."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    distances = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    return [int(y_train[j]) for j in distances.argmin(axis=1)]  # argmin: the first on a tie
