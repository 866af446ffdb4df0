# Mistake: measures the shift in standard deviations of the serving batch instead of the training data.
import numpy as np


def skewed_features(train, serve, threshold):
    out = set(train) ^ set(serve)
    for c in set(train) & set(serve):
        std = np.std(serve[c])
        if std > 0 and abs(np.mean(serve[c]) - np.mean(train[c])) > threshold * std:
            out.add(c)
    return sorted(out)
