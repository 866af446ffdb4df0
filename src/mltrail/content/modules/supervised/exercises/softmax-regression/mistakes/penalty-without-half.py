# Mistake: the gradient of the penalty taken as 2 lam W (a penalty lam ||W||^2, not (lam / 2) ||W||^2): twice the shrinkage.
import numpy as np


class SoftmaxRegression:
    def __init__(self, lam):
        self.lam = lam

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        n, d = X.shape
        k = int(np.max(y)) + 1
        Y = np.eye(k)[np.asarray(y)]
        A = np.column_stack([np.ones(n), X])
        step = 1.0 / (0.5 * np.linalg.eigvalsh(A.T @ A / n).max() + 2 * self.lam)
        W, b = np.zeros((d, k)), np.zeros(k)
        for _ in range(100_000):
            Z = X @ W + b
            P = np.exp(Z - Z.max(axis=1, keepdims=True))
            P /= P.sum(axis=1, keepdims=True)
            G = (P - Y) / n
            gW, gb = X.T @ G + 2 * self.lam * W, G.sum(axis=0)
            if np.sqrt(np.sum(gW**2) + np.sum(gb**2)) <= 1e-7:
                break
            W -= step * gW
            b -= step * gb
        self.W, self.b = W, b
        return self

    def predict_proba(self, X):
        Z = np.asarray(X, dtype=float) @ self.W + self.b
        P = np.exp(Z - Z.max(axis=1, keepdims=True))
        return P / P.sum(axis=1, keepdims=True)
