# Mistake: averages the returns of every visit, not only the first one in each episode.
def first_visit_mc(episodes, n_states, gamma):
    totals = [0.0] * n_states
    counts = [0] * n_states
    for episode in episodes:
        G = 0.0
        for state, reward in reversed(episode):
            G = reward + gamma * G
            totals[state] += G
            counts[state] += 1
    return [totals[s] / counts[s] if counts[s] else 0.0 for s in range(n_states)]
