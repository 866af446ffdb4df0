# Mistake: gives the greedy action exactly 1 - epsilon and spreads epsilon over the OTHER actions only.
def mc_control_step(episodes, n_states, n_actions, gamma, epsilon):
    totals = [[0.0] * n_actions for _ in range(n_states)]
    counts = [[0] * n_actions for _ in range(n_states)]
    for episode in episodes:
        first = {}
        G = 0.0
        for state, action, reward in reversed(episode):
            G = reward + gamma * G
            first[(state, action)] = G
        for (state, action), G in first.items():
            totals[state][action] += G
            counts[state][action] += 1
    Q = [[totals[s][a] / counts[s][a] if counts[s][a] else 0.0 for a in range(n_actions)] for s in range(n_states)]
    policy = []
    for s in range(n_states):
        row = [epsilon / (n_actions - 1)] * n_actions
        row[Q[s].index(max(Q[s]))] = 1.0 - epsilon
        policy.append(row)
    return Q, policy
