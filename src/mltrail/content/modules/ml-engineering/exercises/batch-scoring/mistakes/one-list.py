# Mistake: yields every row's score in one list, ignoring batch_size.
import numpy as np


def score_batches(rows, weights, bias, batch_size):
    if not rows:
        return
    z = np.asarray(rows, dtype=float) @ np.asarray(weights, dtype=float) + bias
    yield (1.0 / (1.0 + np.exp(-z))).tolist()
