# Mistake: fits a second scaler on the test rows instead of reusing the training statistics.
from sklearn.neighbors import KNeighborsClassifier
from sklearn.preprocessing import StandardScaler


def scaled_knn_predict(X_train, y_train, X_test, k):
    model = KNeighborsClassifier(n_neighbors=k).fit(StandardScaler().fit_transform(X_train), y_train)
    return [int(v) for v in model.predict(StandardScaler().fit_transform(X_test))]
