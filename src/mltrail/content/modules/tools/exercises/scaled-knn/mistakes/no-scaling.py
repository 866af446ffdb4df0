# Mistake: k nearest neighbours on the raw features, without standardising.
from sklearn.neighbors import KNeighborsClassifier


def scaled_knn_predict(X_train, y_train, X_test, k):
    return [int(v) for v in KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train).predict(X_test)]
