import numpy as np


class KNNClassifier:
    """k-nearest neighbours: fit stores the training set, predict takes a majority vote of the k nearest."""

    def __init__(self, k):
        self.k = k

    def fit(self, X, y):
        self.X = np.asarray(X, dtype=float)
        self.y = np.asarray(y)
        return self

    def predict(self, X):
        X = np.asarray(X, dtype=float)
        # Squared Euclidean distances from every query row to every training row, shape (m, n).
        distances = ((X[:, None, :] - self.X[None, :, :]) ** 2).sum(axis=2)
        nearest = np.argsort(distances, axis=1, kind="stable")[:, : self.k]
        classes = np.unique(self.y)  # sorted, so argmax picks the smallest label on a tie
        votes = (self.y[nearest][:, :, None] == classes[None, None, :]).sum(axis=1)
        return classes[votes.argmax(axis=1)]
