# Mistake: theta = (N_cj + alpha) / (N_c + alpha): the denominator forgets that alpha is added to each of the d words.
import numpy as np
from scipy.special import logsumexp


def naive_bayes_log_proba(X_train, y_train, X_test, alpha):
    X_train, y_train, X_test = np.asarray(X_train, dtype=float), np.asarray(y_train), np.asarray(X_test, dtype=float)
    classes = np.unique(y_train)
    prior = np.array([np.mean(y_train == c) for c in classes])
    N = np.array([X_train[y_train == c].sum(axis=0) for c in classes])
    log_theta = np.log(N + alpha) - np.log(N.sum(axis=1, keepdims=True) + alpha)
    s = X_test @ log_theta.T + np.log(prior)
    return s - logsumexp(s, axis=1, keepdims=True)
