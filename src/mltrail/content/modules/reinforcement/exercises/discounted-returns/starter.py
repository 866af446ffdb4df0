def returns_to_go(rewards, gamma):
    """The discounted return G_t from every step t of the episode."""
    # G_t = rewards[t] + gamma * G_{t+1}, and the return after the last step is 0.
    returns = []
    return returns
