import numpy as np


def one_nn_predict(X_train, y_train, X_test):
    """Label each test row like its nearest training row (the earliest one on a tie)."""
    X_train = np.asarray(X_train, dtype=float)
    X_test = np.asarray(X_test, dtype=float)
    predictions = []
    # for each test row: distances to every training row, the closest one's label
    ...
