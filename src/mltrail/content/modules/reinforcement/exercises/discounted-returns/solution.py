def returns_to_go(rewards, gamma):
    """The discounted return G_t from every step t of the episode."""
    total = 0.0
    backwards = []
    for reward in reversed(rewards):
        total = float(reward) + gamma * total
        backwards.append(total)
    return backwards[::-1]
