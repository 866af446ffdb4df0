import numpy as np


class KNNClassifier:
    """k-nearest neighbours: fit stores the training set, predict takes a majority vote of the k nearest."""

    def __init__(self, k):
        self.k = k

    def fit(self, X, y):
        """Store the training data; return self."""
        ...

    def predict(self, X):
        """For each row: the most common label among the k nearest training rows (smallest label on a tie)."""
        ...
