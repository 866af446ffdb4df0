import numpy as np


def gmm_em(X, weights, means, covariances, iterations):
    """Run `iterations` EM iterations from the given parameters; return (weights, means, covariances)."""
    # each iteration: responsibilities (E step, in log space), then new weights, means and
    # covariances around the new means (M step).
    return weights, means, covariances
