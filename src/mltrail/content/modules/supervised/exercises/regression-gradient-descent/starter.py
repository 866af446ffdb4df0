import numpy as np


def linear_regression_gd(X, y, learning_rate, tol):
    """Gradient descent on the mean squared error from b = 0, w = 0, until the gradient norm <= tol."""
    # Loop: residuals r = b + X @ w - y; gradient (2/n) sum(r) for b and (2/n) X.T @ r for w;
    # stop when the norm of the whole gradient is <= tol, otherwise step against it.
    b = 0.0
    w = np.zeros(np.shape(X)[1])
    return b, w
