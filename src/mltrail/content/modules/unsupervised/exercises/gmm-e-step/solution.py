import numpy as np
from scipy.special import logsumexp


def _log_gauss(X, mean, cov):
    d = X.shape[1]
    L = np.linalg.cholesky(cov)
    y = np.linalg.solve(L, (X - mean).T)
    return -0.5 * (d * np.log(2 * np.pi) + 2 * np.log(np.diag(L)).sum() + (y ** 2).sum(axis=0))


def gmm_e_step(X, weights, means, covariances):
    """Responsibilities (n x k) and the total log-likelihood of X under a Gaussian mixture."""
    X = np.asarray(X, dtype=float)
    means = np.asarray(means, dtype=float)
    covariances = np.asarray(covariances, dtype=float)
    logp = np.column_stack([np.log(weights[j]) + _log_gauss(X, means[j], covariances[j]) for j in range(len(weights))])
    total = logsumexp(logp, axis=1)
    return np.exp(logp - total[:, None]), float(total.sum())
