import numpy as np


def nearest_centroid_predict(X_train, y_train, X_test):
    """Label each test row with the class of the nearest training-class mean."""
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train)
    X_test = np.asarray(X_test, dtype=float)
    classes = np.unique(y_train)  # sorted
    # centroids: one mean row per class; then the closest centroid for each test row
    ...
