"""Q-learning on Taxi-v4 with a constant epsilon and with a decaying one: return per episode while learning."""
import random

import gymnasium as gym
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

ENV = gym.make("Taxi-v4").unwrapped
MODEL, STARTS = ENV.P, [int(s) for s in np.flatnonzero(ENV.initial_state_distrib)]
EPISODES, RUNS, LIMIT = 800, 6, 200  # Taxi-v4 cuts an episode after 200 steps (truncation)


def decaying(k):
    return max(0.01, 1.0 - k / 500)


def constant(k):
    return 0.1


def run(schedule, seed):
    rng = random.Random(seed)
    Q = [[0.0] * 6 for _ in range(500)]
    totals = []
    for k in range(EPISODES):
        epsilon, s, total = schedule(k), rng.choice(STARTS), 0
        for _ in range(LIMIT):
            if rng.random() < epsilon:
                a = rng.randrange(6)
            else:
                best = max(Q[s])
                a = rng.choice([b for b in range(6) if Q[s][b] == best])
            ((_, s2, r, terminated),) = MODEL[s][a]
            total += r
            Q[s][a] += 0.5 * ((r if terminated else r + 0.99 * max(Q[s2])) - Q[s][a])
            s = s2
            if terminated:
                break
        totals.append(total)
    return totals


fig, ax = plt.subplots(figsize=(6.8, 4.3))
window = np.ones(20) / 20
for label, color, schedule in [("epsilon = 0.1 throughout", "tab:orange", constant),
                               ("epsilon from 1 down to 0.01 over 500 episodes", "tab:blue", decaying)]:
    mean = np.mean([run(schedule, seed) for seed in range(RUNS)], axis=0)
    ax.plot(np.arange(20, EPISODES + 1), np.convolve(mean, window, mode="valid"), color=color, lw=2, label=label)
ax.axhline(8, color="0.5", ls="--", lw=1)
ax.text(EPISODES - 10, 9.5, "about 8: the average return of the optimal policy", ha="right", fontsize=8, color="0.35")
ax.set_ylim(-100, 15)
ax.set_xlim(0, EPISODES)
ax.set_xlabel("episode")
ax.set_ylabel(f"return (mean of the last 20 episodes, {RUNS} runs)")
ax.grid(True, color="0.93")
ax.legend(loc="lower right", fontsize=9)
ax.set_title("Q-learning on Taxi-v4, alpha = 0.5, gamma = 0.99")
fig.tight_layout()
fig.savefig("taxi-schedules.svg", metadata={"Date": None, "Creator": None})
