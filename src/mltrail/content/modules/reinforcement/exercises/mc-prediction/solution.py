def first_visit_mc(episodes, n_states, gamma):
    """V(s): the average, over episodes, of the return from the first visit to s."""
    totals = [0.0] * n_states
    counts = [0] * n_states
    for episode in episodes:
        first_return = {}
        G = 0.0
        for state, reward in reversed(episode):
            G = reward + gamma * G
            first_return[state] = G  # going backwards, the earliest visit is written last
        for state, G in first_return.items():
            totals[state] += G
            counts[state] += 1
    return [totals[s] / counts[s] if counts[s] else 0.0 for s in range(n_states)]
