import numpy as np


def fit_predict(X_train, y_train, X_test):
    # The baseline: "benign" (1), the most common training diagnosis, for every tumour.
    # Replace it with a classifier fitted on X_train and y_train.
    values, counts = np.unique(y_train, return_counts=True)
    return np.full(len(X_test), values[np.argmax(counts)])
