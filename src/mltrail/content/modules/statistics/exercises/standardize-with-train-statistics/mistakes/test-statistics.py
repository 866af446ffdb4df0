# Mistake: standardises the test set with its own mean and standard deviation (leakage).
import numpy as np


def standardize(train, test):
    test = np.asarray(test, dtype=float)
    if len(test) < 2 or np.std(test) == 0:
        return [0.0 for _ in test]
    return [float(v) for v in (test - test.mean()) / test.std()]
