def cumulative_regret(means, actions):
    """The regret after each pull: the running sum of (best mean - mean of the arm pulled)."""
    best = max(means)
    return [best for _ in actions]
