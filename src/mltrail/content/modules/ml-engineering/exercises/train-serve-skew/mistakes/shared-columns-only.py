# Mistake: compares only the columns present on both sides, so a renamed or dropped column goes unreported.
import numpy as np


def skewed_features(train, serve, threshold):
    out = []
    for c in train:
        if c in serve and abs(np.mean(serve[c]) - np.mean(train[c])) > threshold * np.std(train[c]):
            out.append(c)
    return sorted(out)
