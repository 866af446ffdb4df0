import numpy as np


def learning_curve_points(X_train, y_train, X_val, y_val, sizes):
    """Training and validation accuracy of nearest centroid fitted on the first m rows, per m."""
    X_train, y_train = np.asarray(X_train, dtype=float), np.asarray(y_train)
    X_val, y_val = np.asarray(X_val, dtype=float), np.asarray(y_val)
    train, validation = [], []
    # for each m: fit on the first m rows, score on them and on the validation set
    return {"train": train, "validation": validation}
