# Mistake: learns the mean and standard deviation from the training and test rows together.
import numpy as np


def scale_test(train, test):
    train = np.array(train, dtype=float)
    test = np.array(test, dtype=float)
    both = np.vstack([train, test])
    scale = both.std(axis=0)
    scale[both.max(axis=0) == both.min(axis=0)] = 1.0
    return (test - both.mean(axis=0)) / scale
