import numpy as np


class SoftmaxRegression:
    """Multinomial logistic regression with an L2 penalty (lam / 2) ||W||^2 on the weights, not the intercepts."""

    def __init__(self, lam):
        self.lam = lam
        self.W = None
        self.b = None

    def fit(self, X, y):
        """Minimise the mean cross-entropy + (lam / 2) ||W||^2 from W = 0, b = 0; return self."""
        # K = max(y) + 1 classes; Y = one-hot labels. Gradient descent on W (d x K) and b (K)
        # until the norm of the gradient is at most 1e-7.
        ...

    def predict_proba(self, X):
        """Softmax of X @ W + b, row by row (subtract each row's maximum before exp)."""
        ...
