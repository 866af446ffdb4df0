def fit_policy(transitions, n_states, n_actions, alpha=0.1):
    # Q-learning updates, one pass over the logged rows.
    Q = [[0.0] * n_actions for _ in range(n_states)]
    rows = transitions[["state", "action", "reward", "next_state", "terminated"]].itertuples(index=False, name=None)
    for s, a, r, s2, done in rows:
        target = r if done else r + max(Q[s2])
        Q[s][a] += alpha * (target - Q[s][a])
    return [max(range(n_actions), key=lambda b: Q[s][b]) for s in range(n_states)]
