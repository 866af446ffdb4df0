import numpy as np


def perceptron_epoch(X, y, w, b, lr):
    """One pass of the perceptron rule over (X, y) in order; returns the updated (w, b)."""
    # For each example in order: if y_i * (w . x_i + b) <= 0, move w and b towards it.
    # Return (w, b) after the whole pass.
    return w, b
