import numpy as np


def gmm_e_step(X, weights, means, covariances):
    """Responsibilities (n x k) and the total log-likelihood of X under a Gaussian mixture."""
    # an n x k table of log(weight_j) + log N(x_i | mean_j, cov_j); then log-sum-exp along each row
    ...
