from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def scaled_knn_predict(X_train, y_train, X_test, k):
    """Standardise with the training statistics, then predict with k nearest neighbours."""
    model = make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=k))
    model.fit(X_train, y_train)  # the scaler learns its means and deviations here only
    return [int(label) for label in model.predict(X_test)]
