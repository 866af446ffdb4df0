# Mistake: always bootstraps from the best next action, so SARSA behaves like Q-learning.
def td_updates(Q, transitions, alpha, gamma, method):
    Q = [[float(v) for v in row] for row in Q]
    for s, a, r, s_next, a_next, done in transitions:
        target = r if done else r + gamma * max(Q[s_next])
        Q[s][a] += alpha * (target - Q[s][a])
    return Q
