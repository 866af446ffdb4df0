# Mistake: uses the sample standard deviation (dividing by n - 1) of the training values.
import numpy as np


def skewed_features(train, serve, threshold):
    out = set(train) ^ set(serve)
    for c in set(train) & set(serve):
        if abs(np.mean(serve[c]) - np.mean(train[c])) > threshold * np.std(train[c], ddof=1):
            out.add(c)
    return sorted(out)
