# Mistake: normalises with exp and a division before taking the log again: long documents underflow to 0 / 0.
import numpy as np


def naive_bayes_log_proba(X_train, y_train, X_test, alpha):
    X_train, y_train, X_test = np.asarray(X_train, dtype=float), np.asarray(y_train), np.asarray(X_test, dtype=float)
    classes = np.unique(y_train)
    d = X_train.shape[1]
    prior = np.array([np.mean(y_train == c) for c in classes])
    N = np.array([X_train[y_train == c].sum(axis=0) for c in classes])
    log_theta = np.log(N + alpha) - np.log(N.sum(axis=1, keepdims=True) + alpha * d)
    p = np.exp(X_test @ log_theta.T + np.log(prior))
    return np.log(p / p.sum(axis=1, keepdims=True))
