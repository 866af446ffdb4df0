def td_updates(Q, transitions, alpha, gamma, method):
    """Q after applying each transition's SARSA or Q-learning update, in order."""
    Q = [[float(v) for v in row] for row in Q]
    for s, a, r, s_next, a_next, done in transitions:
        if done:
            target = r
        elif method == "q-learning":
            target = r + gamma * max(Q[s_next])
        else:  # "sarsa"
            target = r + gamma * Q[s_next][a_next]
        Q[s][a] += alpha * (target - Q[s][a])
    return Q
