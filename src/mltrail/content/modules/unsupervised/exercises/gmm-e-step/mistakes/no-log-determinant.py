# Mistake: drops the log det term of the normal log-density.
import numpy as np
from scipy.special import logsumexp


def gmm_e_step(X, weights, means, covariances):
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    cols = []
    for w, mu, S in zip(weights, np.asarray(means, dtype=float), np.asarray(covariances, dtype=float)):
        diff = X - mu
        q = np.einsum("ij,ij->i", diff, np.linalg.solve(S, diff.T).T)
        cols.append(np.log(w) - 0.5 * (d * np.log(2 * np.pi) + q))
    logp = np.column_stack(cols)
    total = logsumexp(logp, axis=1)
    return np.exp(logp - total[:, None]), float(total.sum())
