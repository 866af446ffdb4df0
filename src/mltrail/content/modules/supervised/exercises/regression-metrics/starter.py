import numpy as np


def regression_metrics(y_true, y_pred):
    """MSE, MAE and R^2 of predictions, as a dict of floats."""
    # errors = y_true - y_pred; mse = mean of squares; mae = mean of absolute values;
    # r2 = 1 - sum(errors**2) / sum((y_true - mean(y_true))**2).
    return {"mse": 0.0, "mae": 0.0, "r2": 0.0}
