import math


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def score_batches(rows, weights, bias, batch_size):
    """Yield, chunk by chunk of at most batch_size rows, the logistic scores of the rows."""
    for start in range(0, len(rows), batch_size):
        chunk = rows[start:start + batch_size]
        yield [_sigmoid(math.fsum(w * x for w, x in zip(weights, row)) + bias) for row in chunk]
