import numpy as np
from scipy.special import expit


def logistic_loss_gradient(X, y, w, b):
    """Mean cross-entropy of logistic regression and its gradient: return (loss, grad_w, grad_b)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float) + b
    n = len(y)
    # -log sigmoid(z) = log(1 + e^z) - z and -log(1 - sigmoid(z)) = log(1 + e^z): together
    # log(1 + e^z) - y z, and np.logaddexp(0, z) computes log(1 + e^z) without overflow.
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z))
    error = expit(z) - y  # the predicted probability minus the label
    return loss, X.T @ error / n, float(error.mean())
