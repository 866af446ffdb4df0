import numpy as np
from scipy.special import betaincinv  # betaincinv(a, b, u): the quantile of Beta(a, b) at u


def thompson_sampling(rewards, uniforms):
    """The arms Thompson sampling pulls, each Beta draw made from the given uniform number."""
    n_arms = len(rewards[0])
    successes = np.zeros(n_arms)
    failures = np.zeros(n_arms)
    actions = []
    for t, row in enumerate(rewards):
        theta = betaincinv(1.0 + successes, 1.0 + failures, np.asarray(uniforms[t], dtype=float))
        arm = int(np.argmax(theta))
        if row[arm] == 1:
            successes[arm] += 1
        else:
            failures[arm] += 1
        actions.append(arm)
    return actions
