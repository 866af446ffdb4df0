def epsilon_greedy(rewards, epsilon, explore_draws, explore_arms):
    """The arms an epsilon-greedy agent pulls, given all its random draws."""
    n_arms = len(rewards[0])
    counts = [0] * n_arms
    averages = [0.0] * n_arms
    actions = []
    for t, row in enumerate(rewards):
        if explore_draws[t] < epsilon:
            arm = int(explore_arms[t])
        else:
            arm = max(range(n_arms), key=averages.__getitem__)  # the first of equal maxima
        counts[arm] += 1
        averages[arm] += (row[arm] - averages[arm]) / counts[arm]
        actions.append(arm)
    return actions
