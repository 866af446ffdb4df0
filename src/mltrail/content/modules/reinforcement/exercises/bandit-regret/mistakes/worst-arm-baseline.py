# Mistake: measures each pull against the worst arm (mean - min), a reward gained, not a regret.
def cumulative_regret(means, actions):
    worst = min(means)
    total = 0.0
    out = []
    for a in actions:
        total += means[a] - worst
        out.append(float(total))
    return out
