# Mistake: bootstraps from the next action actually taken (SARSA) instead of the best next action.
import random

import gymnasium as gym
import numpy as np


def q_learning(spec):
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
        action = epsilon_greedy(state, epsilon)
        done = False
        while not done:
            next_state, reward, terminated, truncated, _ = env.step(action)
            next_action = epsilon_greedy(next_state, epsilon)
            target = reward if terminated else reward + gamma * Q[next_state][next_action]
            Q[state][action] += alpha * (target - Q[state][action])
            state, action, done = next_state, next_action, terminated or truncated
    return np.array(Q)
