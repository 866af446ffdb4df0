# Mistake: leaves out the mixing weights, as if every component were equally likely.
import numpy as np
from scipy.special import logsumexp
from scipy.stats import multivariate_normal


def gmm_e_step(X, weights, means, covariances):
    X = np.asarray(X, dtype=float)
    logp = np.column_stack([multivariate_normal(m, S).logpdf(X).reshape(-1) for m, S in zip(means, covariances)])
    total = logsumexp(logp, axis=1)
    return np.exp(logp - total[:, None]), float(total.sum())
