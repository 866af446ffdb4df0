# Mistake: the covariance is computed around the mean from before the M step.
import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal


def gmm_em(X, weights, means, covariances, iterations):
    X = np.asarray(X, dtype=float)
    w, mu, S = np.asarray(weights, dtype=float), np.asarray(means, dtype=float), np.asarray(covariances, dtype=float)
    k = len(w)
    for _ in range(iterations):
        logp = np.column_stack([np.log(w[j]) + multivariate_normal(mu[j], S[j]).logpdf(X).reshape(-1) for j in range(k)])
        R = np.exp(logp - logsumexp(logp, axis=1, keepdims=True))
        Nk = R.sum(axis=0)
        S = np.array([(R[:, j, None] * (X - mu[j])).T @ (X - mu[j]) / Nk[j] for j in range(k)])
        w, mu = Nk / len(X), (R.T @ X) / Nk[:, None]
    return w, mu, S
