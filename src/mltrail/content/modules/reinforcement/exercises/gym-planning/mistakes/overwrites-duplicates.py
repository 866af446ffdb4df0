# Mistake: sets T[s, a, t] = p for each listed transition, so a next state listed twice keeps only one share.
import gymnasium as gym
import numpy as np
from scipy.sparse import csr_matrix


def plan(spec):
    env = gym.make(spec["env"], **spec["kwargs"])
    model = env.unwrapped.P  # model[s][a] = [(probability, next_state, reward, terminated), ...]
    n_states, n_actions = env.observation_space.n, env.action_space.n
    R = np.zeros((n_states, n_actions))  # expected immediate rewards
    rows, columns, probabilities = [], [], []  # the transitions that do not end the episode
    for s in range(n_states):
        for a in range(n_actions):
            for p, t, r, terminated in model[s][a]:
                R[s, a] += p * r
                if not terminated:  # an episode that ends has no future value
                    rows.append(s * n_actions + a)
                    columns.append(int(t))
                    probabilities.append(p)
    T = np.zeros((n_states * n_actions, n_states))
    for row, column, p in zip(rows, columns, probabilities):
        T[row, column] = p  # overwrites a next state listed twice
    T = csr_matrix(T)
    gamma = spec["gamma"]
    V = np.zeros(n_states)
    while True:
        Q = R + gamma * (T @ V).reshape(n_states, n_actions)
        V_new = Q.max(axis=1)
        if np.abs(V_new - V).max() < 1e-10:
            return [int(a) for a in Q.argmax(axis=1)]
        V = V_new
