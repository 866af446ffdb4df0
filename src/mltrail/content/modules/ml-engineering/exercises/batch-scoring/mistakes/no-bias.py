# Mistake: scores sigmoid(w . x) and forgets the bias term.
import numpy as np


def score_batches(rows, weights, bias, batch_size):
    w = np.asarray(weights, dtype=float)
    for start in range(0, len(rows), batch_size):
        z = np.asarray(rows[start:start + batch_size], dtype=float) @ w
        yield (1.0 / (1.0 + np.exp(-z))).tolist()
