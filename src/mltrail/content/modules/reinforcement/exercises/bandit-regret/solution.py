def cumulative_regret(means, actions):
    """The regret after each pull: the running sum of (best mean - mean of the arm pulled)."""
    best = max(means)
    total = 0.0
    out = []
    for arm in actions:
        total += best - means[arm]
        out.append(float(total))
    return out
