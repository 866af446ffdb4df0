# Mistake: returns each step's gap instead of the running total.
def cumulative_regret(means, actions):
    best = max(means)
    return [float(best - means[a]) for a in actions]
