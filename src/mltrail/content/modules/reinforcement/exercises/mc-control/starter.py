def mc_control_step(episodes, n_states, n_actions, gamma, epsilon):
    """First-visit Monte Carlo estimates of Q(s, a), and the epsilon-greedy policy they give."""
    Q = [[0.0] * n_actions for _ in range(n_states)]
    # 1. average the returns after the first visit to each (state, action) pair
    # 2. every action epsilon / n_actions, the greedy one 1 - epsilon more
    policy = [[1.0 / n_actions] * n_actions for _ in range(n_states)]
    return Q, policy
