# Mistake: R^2 with the spread of the PREDICTIONS around their mean in the denominator.
import numpy as np


def regression_metrics(y_true, y_pred):
    t, p = np.asarray(y_true, dtype=float), np.asarray(y_pred, dtype=float)
    e = t - p
    return {"mse": float(np.mean(e**2)), "mae": float(np.mean(np.abs(e))),
            "r2": 1 - float(np.sum(e**2) / np.sum((p - p.mean()) ** 2))}
