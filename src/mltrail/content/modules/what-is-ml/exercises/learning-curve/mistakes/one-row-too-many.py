# Mistake: fits on the first m + 1 rows (X_train[:m + 1]) instead of the first m.
import numpy as np


def _predict(X_fit, y_fit, X):
    classes = np.unique(y_fit)
    centroids = np.array([X_fit[y_fit == c].mean(axis=0) for c in classes])
    return classes[((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)]


def learning_curve_points(X_train, y_train, X_val, y_val, sizes):
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train)
    X_val, y_val = np.asarray(X_val, dtype=float), np.asarray(y_val)
    train, validation = [], []
    for m in sizes:
        X_fit, y_fit = X_train[: m + 1], y_train[: m + 1]
        train.append(float(np.mean(_predict(X_fit, y_fit, X_fit) == y_fit)))
        validation.append(float(np.mean(_predict(X_fit, y_fit, X_val) == y_val)))
    return {"train": train, "validation": validation}
