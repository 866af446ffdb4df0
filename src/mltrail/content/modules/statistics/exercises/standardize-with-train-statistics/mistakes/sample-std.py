# Mistake: divides by the sample standard deviation (n - 1) instead of the population one (n).
import numpy as np


def standardize(train, test):
    train = np.asarray(train, dtype=float)
    return [float(v) for v in (np.asarray(test, dtype=float) - train.mean()) / train.std(ddof=1)]
