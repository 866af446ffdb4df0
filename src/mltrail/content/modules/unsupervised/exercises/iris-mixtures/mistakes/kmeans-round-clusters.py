from sklearn.cluster import KMeans


def fit_transform(X):
    return KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(X)
