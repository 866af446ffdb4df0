def epsilon_greedy(rewards, epsilon, explore_draws, explore_arms):
    """The arms an epsilon-greedy agent pulls, given all its random draws."""
    n_arms = len(rewards[0])
    counts = [0] * n_arms
    averages = [0.0] * n_arms
    actions = []
    for t in range(len(rewards)):
        arm = 0  # explore when explore_draws[t] < epsilon, otherwise the best average
        actions.append(arm)
    return actions
