def first_visit_mc(episodes, n_states, gamma):
    """V(s): the average, over episodes, of the return from the first visit to s."""
    totals = [0.0] * n_states
    counts = [0] * n_states
    for episode in episodes:
        pass  # returns G_t for every step, then the first visit of each state
    return [0.0] * n_states
