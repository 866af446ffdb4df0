import numpy as np


def fit_predict(X_train, y_train, X_test):
    # The digits in the order they first appear in the training labels: 7, 3, 6, ...
    classes = list(dict.fromkeys(y_train.tolist()))
    centroids = np.array([X_train[y_train == k].mean(axis=0) for k in classes])
    distances = ((X_test[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return distances.argmin(axis=1)
