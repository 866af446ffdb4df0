import numpy as np


def fit_predict(X_train, y_train, X_test):
    # The baseline: the most common training species for every test penguin.
    # Replace it with a classifier fitted on X_train and y_train.
    values, counts = np.unique(y_train, return_counts=True)
    return np.full(len(X_test), values[np.argmax(counts)])
