# Mistake: pulls the arm with the best posterior mean (1 + S) / (2 + S + F) instead of sampling.
import numpy as np


def thompson_sampling(rewards, uniforms):
    n_arms = len(rewards[0])
    successes = np.zeros(n_arms)
    failures = np.zeros(n_arms)
    actions = []
    for row in rewards:
        arm = int(np.argmax((1.0 + successes) / (2.0 + successes + failures)))
        if row[arm] == 1:
            successes[arm] += 1
        else:
            failures[arm] += 1
        actions.append(arm)
    return actions
