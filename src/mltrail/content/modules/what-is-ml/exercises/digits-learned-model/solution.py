import numpy as np


def fit_predict(X_train, y_train, X_test):
    # Fit: one learned template per digit, the mean of its training images.
    classes = np.unique(y_train)
    centroids = np.array([X_train[y_train == k].mean(axis=0) for k in classes])
    # Predict: the label of the closest template (squared Euclidean distance).
    distances = ((X_test[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return classes[distances.argmin(axis=1)]
