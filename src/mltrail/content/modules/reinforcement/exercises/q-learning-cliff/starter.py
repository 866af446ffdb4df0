import random

import gymnasium as gym
import numpy as np


def q_learning(spec):
    """Train a Q-table on the environment of the spec with Q-learning and a decaying epsilon."""
    env = gym.make(spec["env"])
    n_states, n_actions = env.observation_space.n, env.action_space.n
    Q = [[0.0] * n_actions for _ in range(n_states)]
    rng = random.Random(spec["seed"])
    for episode in range(spec["episodes"]):
        state, _ = env.reset(seed=spec["seed"] if episode == 0 else None)
        # until the episode ends: epsilon-greedy action, env.step, Q-learning update
    return np.array(Q)
