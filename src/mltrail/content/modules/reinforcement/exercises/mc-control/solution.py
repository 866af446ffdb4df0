def mc_control_step(episodes, n_states, n_actions, gamma, epsilon):
    """First-visit Monte Carlo estimates of Q(s, a), and the epsilon-greedy policy they give."""
    totals = [[0.0] * n_actions for _ in range(n_states)]
    counts = [[0] * n_actions for _ in range(n_states)]
    for episode in episodes:
        first = {}
        G = 0.0
        for state, action, reward in reversed(episode):
            G = reward + gamma * G
            first[(state, action)] = G  # going backwards, the earliest visit is written last
        for (state, action), G in first.items():
            totals[state][action] += G
            counts[state][action] += 1
    Q = [[totals[s][a] / counts[s][a] if counts[s][a] else 0.0 for a in range(n_actions)] for s in range(n_states)]
    policy = []
    for s in range(n_states):
        greedy = Q[s].index(max(Q[s]))  # the lowest index among equal values
        row = [epsilon / n_actions] * n_actions
        row[greedy] += 1.0 - epsilon
        policy.append(row)
    return Q, policy
