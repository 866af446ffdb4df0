# Mistake: always takes the arm with the best average, ignoring epsilon and the draws.
def epsilon_greedy(rewards, epsilon, explore_draws, explore_arms):
    n_arms = len(rewards[0])
    counts = [0] * n_arms
    averages = [0.0] * n_arms
    actions = []
    for row in rewards:
        arm = max(range(n_arms), key=averages.__getitem__)
        counts[arm] += 1
        averages[arm] += (row[arm] - averages[arm]) / counts[arm]
        actions.append(arm)
    return actions
