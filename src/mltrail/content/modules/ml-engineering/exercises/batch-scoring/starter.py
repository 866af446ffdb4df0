import numpy as np


def score_batches(rows, weights, bias, batch_size):
    """Yield, chunk by chunk of at most batch_size rows, the logistic scores of the rows."""
    # for each chunk of at most batch_size consecutive rows:
    #     yield the list of 1 / (1 + exp(-(w . x + b))) for its rows
    yield []
