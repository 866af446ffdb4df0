# Mistake: ranks arms by the total reward they paid instead of the average.
def epsilon_greedy(rewards, epsilon, explore_draws, explore_arms):
    n_arms = len(rewards[0])
    totals = [0.0] * n_arms
    actions = []
    for t, row in enumerate(rewards):
        if explore_draws[t] < epsilon:
            arm = int(explore_arms[t])
        else:
            arm = max(range(n_arms), key=totals.__getitem__)
        totals[arm] += row[arm]
        actions.append(arm)
    return actions
