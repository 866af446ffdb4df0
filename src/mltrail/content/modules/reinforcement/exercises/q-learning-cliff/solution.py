import random

import gymnasium as gym
import numpy as np


def q_learning(spec):
    """Train a Q-table on the environment of the spec with Q-learning and a decaying epsilon."""
    env = gym.make(spec["env"])
    n_states, n_actions = env.observation_space.n, env.action_space.n
    Q = [[0.0] * n_actions for _ in range(n_states)]  # plain lists: fast for one entry at a time
    rng = random.Random(spec["seed"])
    episodes, alpha, gamma = spec["episodes"], spec["alpha"], spec["gamma"]
    start, end = spec["epsilon_start"], spec["epsilon_end"]

    def epsilon_greedy(state, epsilon):
        if rng.random() < epsilon:
            return rng.randrange(n_actions)
        row = Q[state]
        best = max(row)
        return rng.choice([a for a in range(n_actions) if row[a] == best])  # ties at random

    for episode in range(episodes):
        epsilon = start + (end - start) * episode / max(1, episodes - 1)
        state, _ = env.reset(seed=spec["seed"] if episode == 0 else None)
        done = False
        while not done:
            action = epsilon_greedy(state, epsilon)
            next_state, reward, terminated, truncated, _ = env.step(action)
            target = reward if terminated else reward + gamma * max(Q[next_state])
            Q[state][action] += alpha * (target - Q[state][action])
            state, done = next_state, terminated or truncated
    return np.array(Q)
