import numpy as np


def logistic_hessian(X, w):
    """Return the d x d Hessian of the mean logistic loss at w."""
    # p = sigmoid(X @ w); each example contributes p_i * (1 - p_i) * outer(x_i, x_i); average over the n examples.
    ...
