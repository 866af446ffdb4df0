from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def scaled_knn_predict(X_train, y_train, X_test, k):
    """Standardise with the training statistics, then predict with k nearest neighbours."""
    # Build a pipeline of a StandardScaler and a KNeighborsClassifier, fit it, predict X_test.
    ...
