# Mistake: going backwards, keeps the first return it meets, which is the LAST visit in time.
def first_visit_mc(episodes, n_states, gamma):
    totals = [0.0] * n_states
    counts = [0] * n_states
    for episode in episodes:
        chosen = {}
        G = 0.0
        for state, reward in reversed(episode):
            G = reward + gamma * G
            chosen.setdefault(state, G)
        for state, G in chosen.items():
            totals[state] += G
            counts[state] += 1
    return [totals[s] / counts[s] if counts[s] else 0.0 for s in range(n_states)]
