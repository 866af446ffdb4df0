import numpy as np


def svm_objective(X, y, w, b, lam):
    """The soft-margin SVM objective (lam/2)||w||^2 + mean hinge loss, and a subgradient: (value, grad_w, grad_b)."""
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    w = np.asarray(w, dtype=float)
    n = len(y)
    margins = y * (X @ w + b)
    active = margins < 1  # examples inside the margin or misclassified; at exactly 1 the hinge is flat
    value = 0.5 * lam * (w @ w) + np.maximum(0.0, 1.0 - margins).mean()
    grad_w = lam * w - (y[active] @ X[active]) / n
    grad_b = -y[active].sum() / n
    return float(value), grad_w, float(grad_b)
