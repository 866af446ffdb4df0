import numpy as np


def softmax(logits):
    """Row-wise softmax, with each row's maximum subtracted first."""
    Z = np.asarray(logits, dtype=float)
    # Shift each row so its largest logit is 0, exponentiate, divide by the row's sum.
    ...
