import numpy as np


def gradient_check(X, y, w, grad):
    """Relative error between grad and the central-difference gradient (h = 1e-4) of the mean squared error at w."""
    # 1. loss(w) = mean((X @ w - y) ** 2)
    # 2. numerical gradient: move one coordinate of w by +h and by -h at a time
    # 3. relative error: norm(numeric - grad) / (norm(numeric) + norm(grad))
    ...
