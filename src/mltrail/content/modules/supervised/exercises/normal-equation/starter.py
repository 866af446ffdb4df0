import numpy as np


def fit_linear_regression(X, y):
    """Least-squares intercept and weights: return (intercept, weights)."""
    # Build A = [1 | X] (a column of ones, then X) and solve the least-squares problem
    # min ||A theta - y||^2; theta[0] is the intercept, theta[1:] the weights.
    ...
