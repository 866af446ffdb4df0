import math


def ucb1(rewards, c):
    """The arms UCB1 pulls: each arm once, then the highest average-plus-bonus score."""
    n_arms = len(rewards[0])
    counts = [0] * n_arms
    averages = [0.0] * n_arms
    actions = []
    for t in range(len(rewards)):
        arm = t % n_arms  # replace: each arm once, then the best score
        actions.append(arm)
    return actions
