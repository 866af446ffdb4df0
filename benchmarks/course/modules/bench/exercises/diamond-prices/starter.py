import numpy as np


def fit_predict(X_train, y_train, X_test):
    # Predicts the mean price for every diamond: replace this with a fitted model.
    return np.full(len(X_test), float(np.mean(y_train)))
