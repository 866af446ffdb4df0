import numpy as np


def linear_layer_gradients(X, W, b, Y):
    """Return (dW, db): the gradients of mean over examples of sum over outputs of (X W + b - Y)**2."""
    # 1. G = dL/dP, the gradient with respect to the predictions P = X W + b (n x k).
    # 2. dW has the shape of W (d x k); db has the length of b (k).
    ...
