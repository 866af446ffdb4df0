# Mistake: learns the mean and standard deviation from the test rows themselves.
import numpy as np


def scale_test(train, test):
    test = np.array(test, dtype=float)
    scale = test.std(axis=0)
    scale[test.max(axis=0) == test.min(axis=0)] = 1.0
    return (test - test.mean(axis=0)) / scale
