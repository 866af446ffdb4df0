# Mistake: Counter.most_common breaks a tied vote by the order of first appearance (the nearer neighbour), not by the smallest label.
from collections import Counter

import numpy as np


class KNNClassifier:
    def __init__(self, k):
        self.k = k

    def fit(self, X, y):
        self.X, self.y = np.asarray(X, dtype=float), np.asarray(y)
        return self

    def predict(self, X):
        out = []
        for x in np.asarray(X, dtype=float):
            order = np.argsort(((self.X - x) ** 2).sum(axis=1))[: self.k]
            out.append(int(Counter(self.y[order].tolist()).most_common(1)[0][0]))
        return out
