from sklearn.cluster import KMeans
from sklearn.decomposition import PCA


def fit_transform(X):
    # PCA on the raw columns, then k-means on the first two components.
    P = PCA(n_components=2).fit_transform(X)
    return KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(P)
