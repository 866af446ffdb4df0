# Mistake: counts examples with margin <= 1 as active, so an example exactly on the margin adds -y x / n to the subgradient.
import numpy as np


def svm_objective(X, y, w, b, lam):
    X, y, w = np.asarray(X, dtype=float), np.asarray(y, dtype=float), np.asarray(w, dtype=float)
    m = y * (X @ w + b)
    a = m <= 1
    value = 0.5 * lam * (w @ w) + np.maximum(0.0, 1 - m).mean()
    return float(value), lam * w - y[a] @ X[a] / len(y), float(-y[a].sum() / len(y))
