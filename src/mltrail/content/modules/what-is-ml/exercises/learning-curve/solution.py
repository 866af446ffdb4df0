import numpy as np


def _predict(X_fit, y_fit, X):
    """Nearest centroid: classes sorted, so argmin's first-wins rule picks the smaller label."""
    classes = np.unique(y_fit)
    centroids = np.array([X_fit[y_fit == c].mean(axis=0) for c in classes])
    distances = ((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    return classes[distances.argmin(axis=1)]


def learning_curve_points(X_train, y_train, X_val, y_val, sizes):
    """Training and validation accuracy of nearest centroid fitted on the first m rows, per m."""
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train)
    X_val, y_val = np.asarray(X_val, dtype=float), np.asarray(y_val)
    train, validation = [], []
    for m in sizes:
        X_fit, y_fit = X_train[:m], y_train[:m]
        train.append(float(np.mean(_predict(X_fit, y_fit, X_fit) == y_fit)))
        validation.append(float(np.mean(_predict(X_fit, y_fit, X_val) == y_val)))
    return {"train": train, "validation": validation}
