import gymnasium as gym
import numpy as np


def plan(spec):
    """An optimal policy for a toy-text environment, by value iteration on its model env.unwrapped.P."""
    env = gym.make(spec["env"], **spec["kwargs"])
    model = env.unwrapped.P  # model[s][a] = [(probability, next_state, reward, terminated), ...]
    n_states, n_actions = env.observation_space.n, env.action_space.n
    # 1. arrays R[s, a] and T[s, a, next_state] from the model (no future after `terminated`)
    # 2. value iteration with spec["gamma"]; 3. the greedy action in every state
    return [0] * n_states
