import numpy as np


def fit_predict(X_train, y_train, X_test):
    classes = np.unique(y_train)
    centroids = np.array([X_train[y_train == k].mean(axis=0) for k in classes])
    distances = ((X_test[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return classes[distances.argmax(axis=1)]
