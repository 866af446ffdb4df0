# Mistake: ignores done and bootstraps from the next state even after the last transition.
def td_updates(Q, transitions, alpha, gamma, method):
    Q = [[float(v) for v in row] for row in Q]
    for s, a, r, s_next, a_next, done in transitions:
        if method == "q-learning":
            target = r + gamma * max(Q[s_next])
        else:
            target = r + gamma * Q[s_next][a_next]
        Q[s][a] += alpha * (target - Q[s][a])
    return Q
