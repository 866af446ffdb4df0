import numpy as np


def ridge_regression(X, y, alpha):
    """Minimise sum of squared errors + alpha * ||w||^2 (intercept not penalised); return (intercept, weights)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc, yc = X - x_mean, y - y_mean
    d = X.shape[1]
    # Least squares on the stacked system [Xc; sqrt(alpha) I] w ~ [yc; 0] has the same minimiser
    # as the penalised normal equations, without squaring the condition number.
    A = np.vstack([Xc, np.sqrt(alpha) * np.eye(d)])
    w = np.linalg.lstsq(A, np.concatenate([yc, np.zeros(d)]), rcond=None)[0]
    return float(y_mean - x_mean @ w), w
