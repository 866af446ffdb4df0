import numpy as np
from scipy.special import logsumexp


def naive_bayes_log_proba(X_train, y_train, X_test, alpha):
    """Multinomial naive Bayes with Laplace smoothing: log P(class | x) for each test row, classes sorted."""
    X_train = np.asarray(X_train, dtype=float)
    y_train = np.asarray(y_train)
    X_test = np.asarray(X_test, dtype=float)
    classes = np.unique(y_train)
    d = X_train.shape[1]
    log_prior = np.log(np.array([np.mean(y_train == c) for c in classes]))
    counts = np.array([X_train[y_train == c].sum(axis=0) for c in classes])  # (K, d) word counts per class
    log_theta = np.log(counts + alpha) - np.log(counts.sum(axis=1, keepdims=True) + alpha * d)
    joint = X_test @ log_theta.T + log_prior  # log P(class) + sum_j x_j log theta_cj, up to a constant
    return joint - logsumexp(joint, axis=1, keepdims=True)  # normalise in log space: no underflow
