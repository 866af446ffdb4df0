import numpy as np


def regression_metrics(y_true, y_pred):
    """MSE, MAE and R^2 of predictions, as a dict of floats."""
    y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    errors = y_true - y_pred
    mse = float(np.mean(errors**2))
    mae = float(np.mean(np.abs(errors)))
    # R^2 compares the squared errors with those of the constant prediction mean(y_true).
    r2 = 1.0 - float(np.sum(errors**2) / np.sum((y_true - y_true.mean()) ** 2))
    return {"mse": mse, "mae": mae, "r2": r2}
