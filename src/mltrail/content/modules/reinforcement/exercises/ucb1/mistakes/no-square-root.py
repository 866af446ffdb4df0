# Mistake: the bonus forgets the square root, c * ln(t) / N_a.
import math


def ucb1(rewards, c):
    n_arms = len(rewards[0])
    counts = [0] * n_arms
    averages = [0.0] * n_arms
    actions = []
    for t, row in enumerate(rewards):
        if t < n_arms:
            arm = t
        else:
            scores = [averages[a] + c * math.log(t) / counts[a] for a in range(n_arms)]
            arm = scores.index(max(scores))
        counts[arm] += 1
        averages[arm] += (row[arm] - averages[arm]) / counts[arm]
        actions.append(arm)
    return actions
