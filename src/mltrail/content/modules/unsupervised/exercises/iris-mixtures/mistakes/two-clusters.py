from sklearn.mixture import GaussianMixture


def fit_transform(X):
    # Two components: the number the silhouette prefers on these flowers.
    mixture = GaussianMixture(n_components=2, covariance_type="full", n_init=5, random_state=0)
    return mixture.fit(X).predict(X)
