# Mistake: draws from Beta(1 + F, 1 + S), with successes and failures swapped.
import numpy as np
from scipy.special import betaincinv


def thompson_sampling(rewards, uniforms):
    n_arms = len(rewards[0])
    successes = np.zeros(n_arms)
    failures = np.zeros(n_arms)
    actions = []
    for t, row in enumerate(rewards):
        theta = betaincinv(1.0 + failures, 1.0 + successes, np.asarray(uniforms[t], dtype=float))
        arm = int(np.argmax(theta))
        if row[arm] == 1:
            successes[arm] += 1
        else:
            failures[arm] += 1
        actions.append(arm)
    return actions
