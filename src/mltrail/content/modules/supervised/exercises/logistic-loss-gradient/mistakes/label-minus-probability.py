# Mistake: the gradient with y - sigmoid(z) instead of sigmoid(z) - y: the direction of steepest ascent of the likelihood, not of the loss.
import numpy as np


def logistic_loss_gradient(X, y, w, b):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float) + b
    error = y - 1.0 / (1.0 + np.exp(-z))
    return float(np.mean(np.logaddexp(0.0, z) - y * z)), X.T @ error / len(y), float(error.mean())
