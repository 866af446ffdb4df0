import numpy as np


def fit_predict(X_train, y_train, X_test):
    # The baseline: the mean training price for every diamond.
    # Replace it with a fitted regression model.
    return np.full(len(X_test), float(np.mean(y_train)))
