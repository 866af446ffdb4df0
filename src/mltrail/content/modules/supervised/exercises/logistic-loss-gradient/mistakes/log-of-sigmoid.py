# Mistake: the textbook formula with log(sigmoid(z)) and log(1 - sigmoid(z)), clipped away from 0: wrong for confident logits.
import numpy as np


def logistic_loss_gradient(X, y, w, b):
    X, y = np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ np.asarray(w, dtype=float) + b
    p = 1.0 / (1.0 + np.exp(-z))
    q = np.clip(p, 1e-15, 1 - 1e-15)
    loss = float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))
    return loss, X.T @ (p - y) / len(y), float(np.mean(p - y))
