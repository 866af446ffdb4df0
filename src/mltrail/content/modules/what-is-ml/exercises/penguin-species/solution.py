import numpy as np


def fit_predict(X_train, y_train, X_test):
    # z-scores with the training means and standard deviations, for both sets.
    mean, std = X_train.mean(axis=0), X_train.std(axis=0)
    Z_train = ((X_train - mean) / std).to_numpy()
    Z_test = ((X_test - mean) / std).to_numpy()
    # Nearest centroid: one mean penguin per species, then the closest one.
    classes = np.unique(y_train)
    centroids = np.array([Z_train[y_train == c].mean(axis=0) for c in classes])
    distances = ((Z_test[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return classes[distances.argmin(axis=1)]
