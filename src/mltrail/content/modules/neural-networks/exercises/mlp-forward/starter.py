import numpy as np


def mlp_forward(X, W1, b1, W2, b2):
    """Outputs of ReLU(X W1 + b1) W2 + b2 for a batch X."""
    # 1. Hidden layer: X @ W1 + b1, then ReLU entry by entry.
    # 2. Output layer: linear, H @ W2 + b2.
    ...
