import numpy as np
from scipy.special import logsumexp


def _log_gauss(X, mean, cov):
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    y = np.linalg.solve(L, (X - mean).T)
    return -0.5 * (d * np.log(2 * np.pi) + 2 * np.log(np.diag(L)).sum() + (y ** 2).sum(axis=0))


def gmm_em(X, weights, means, covariances, iterations):
    """Run `iterations` EM iterations from the given parameters; return (weights, means, covariances)."""
    X = np.asarray(X, dtype=float)
    w = np.asarray(weights, dtype=float)
    mu = np.asarray(means, dtype=float)
    S = np.asarray(covariances, dtype=float)
    k = len(w)
    for _ in range(iterations):
        logp = np.column_stack([np.log(w[j]) + _log_gauss(X, mu[j], S[j]) for j in range(k)])
        R = np.exp(logp - logsumexp(logp, axis=1)[:, None])
        Nk = R.sum(axis=0)
        w = Nk / len(X)
        mu = (R.T @ X) / Nk[:, None]
        S = np.array([(R[:, j, None] * (X - mu[j])).T @ (X - mu[j]) / Nk[j] for j in range(k)])
    return w, mu, S
