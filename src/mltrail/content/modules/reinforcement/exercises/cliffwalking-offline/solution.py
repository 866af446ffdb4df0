import numpy as np

HORIZON = 200  # steps per episode in the real environment, as in the logs


def fit_policy(transitions, n_states, n_actions):
    s = transitions["state"].to_numpy()
    a = transitions["action"].to_numpy()
    r = transitions["reward"].to_numpy(dtype=float)
    s2 = transitions["next_state"].to_numpy()
    going_on = ~transitions["terminated"].to_numpy(dtype=bool)

    # The model, estimated by counting (certainty equivalence): R[s, a] is the mean reward of
    # the logged rows (s, a), P[s, a, t] the share of them that land in t and go on.
    # A row that ends the episode adds its reward but no future.
    visits = np.zeros((n_states, n_actions))
    reward_sum = np.zeros((n_states, n_actions))
    moves = np.zeros((n_states, n_actions, n_states))
    np.add.at(visits, (s, a), 1)
    np.add.at(reward_sum, (s, a), r)
    np.add.at(moves, (s[going_on], a[going_on], s2[going_on]), 1)
    seen = np.maximum(visits, 1)
    R = reward_sum / seen
    P = moves / seen[:, :, None]

    # Finite-horizon value iteration, no discount: after k sweeps V[s] is the best expected
    # total reward of k steps from s; the last sweep's greedy actions plan for all 200.
    V = np.zeros(n_states)
    for _ in range(HORIZON):
        Q = R + P @ V
        V = Q.max(axis=1)
    return Q.argmax(axis=1)
