import numpy as np
from scipy.special import log_softmax, softmax


class SoftmaxRegression:
    """Multinomial logistic regression with an L2 penalty (lam / 2) ||W||^2 on the weights, not the intercepts."""

    def __init__(self, lam):
        self.lam = lam
        self.W = None
        self.b = None

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        y = np.asarray(y)
        n, d = X.shape
        k = int(y.max()) + 1
        Y = np.eye(k)[y]
        A = np.column_stack([X, np.ones(n)])  # the intercepts as a last row of weights
        penalty = np.full((d + 1, k), self.lam)
        penalty[d] = 0.0  # no penalty on the intercepts

        def objective(T):
            logp = log_softmax(A @ T, axis=1)  # stable: log-sum-exp with the largest score subtracted
            return -np.sum(Y * logp) / n + 0.5 * np.sum(penalty * T**2), np.exp(logp)

        # Newton's method with a backtracking line search: J is convex and smooth, so a few
        # steps reach the minimum to machine precision.
        T = np.zeros((d + 1, k))
        value, P = objective(T)
        for _ in range(100):
            G = A.T @ (P - Y) / n + penalty * T
            if np.sqrt(np.sum(G**2)) <= 1e-11:
                break
            # Hessian: the mean over examples of (diag(p) - p p^T) kron (a a^T), plus the penalty.
            D = P[:, :, None] * np.eye(k) - P[:, :, None] * P[:, None, :]
            H = np.einsum("ij,il,icm->jclm", A, A, D).reshape((d + 1) * k, (d + 1) * k)
            H = H / n + np.diag(penalty.ravel())
            step = np.linalg.lstsq(H, G.ravel(), rcond=None)[0].reshape(d + 1, k)
            t = 1.0
            while True:
                new_value, new_P = objective(T - t * step)
                if new_value <= value - 1e-4 * t * np.sum(G * step):
                    break
                t /= 2
                if t < 1e-6:  # no more progress is possible in floating point
                    self.W, self.b = T[:d], T[d]
                    return self
            T, value, P = T - t * step, new_value, new_P
        self.W, self.b = T[:d], T[d]
        return self

    def predict_proba(self, X):
        return softmax(np.asarray(X, dtype=float) @ self.W + self.b, axis=1)
