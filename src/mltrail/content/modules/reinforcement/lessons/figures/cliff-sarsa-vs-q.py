"""SARSA and Q-learning on CliffWalking with epsilon = 0.1: reward per episode, and the greedy paths they learn."""
import random

import gymnasium as gym
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

MODEL = gym.make("CliffWalking-v1").unwrapped.P  # deterministic: MODEL[s][a] = [(1.0, next, reward, terminated)]
START, EPISODES, RUNS, ALPHA, EPSILON = 36, 300, 20, 0.5, 0.1


def train(method, seed):
    rng = random.Random(seed)
    Q = [[0.0] * 4 for _ in range(48)]

    def act(s):
        if rng.random() < EPSILON:
            return rng.randrange(4)
        best = max(Q[s])
        return rng.choice([a for a in range(4) if Q[s][a] == best])

    totals = []
    for _ in range(EPISODES):
        s, a, total, done = START, None, 0, False
        a = act(s)
        while not done:
            ((_, s2, r, done),) = MODEL[s][a]
            total += r
            a2 = act(s2)
            bootstrap = max(Q[s2]) if method == "q-learning" else Q[s2][a2]
            Q[s][a] += ALPHA * ((r if done else r + bootstrap) - Q[s][a])
            s, a = s2, a2
        totals.append(total)
    return np.array(totals), np.array(Q)


def greedy_path(Q):
    s, cells = START, [START]
    while s != 47 and len(cells) < 60:
        ((_, s, _, _),) = MODEL[s][int(np.argmax(Q[s]))]
        cells.append(s)
    return cells


fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2), gridspec_kw={"width_ratios": [1.1, 1]})
window = np.ones(10) / 10
paths = {}
for method, color in [("SARSA", "tab:blue"), ("q-learning", "tab:red")]:
    results = [train(method, seed) for seed in range(RUNS)]
    mean = np.mean([totals for totals, _ in results], axis=0)
    left.plot(np.arange(10, EPISODES + 1), np.convolve(mean, window, mode="valid"), color=color, lw=2,
              label=f"{'Q-learning' if method == 'q-learning' else 'SARSA'}: mean of the last 10 episodes, {RUNS} runs")
    paths[method] = (greedy_path(results[0][1]), color)
left.set_ylim(-120, 0)
left.set_xlim(0, EPISODES)
left.set_xlabel("episode")
left.set_ylabel("sum of rewards during the episode")
left.grid(True, color="0.93")
left.legend(loc="lower right", fontsize=9)
left.set_title("while learning, with epsilon = 0.1")

right.add_patch(plt.Rectangle((0.5, 2.5), 10, 1, color="0.25"))
right.text(5.5, 3, "cliff (-100, back to the start)", color="white", ha="center", va="center", fontsize=9)
right.text(0, 3, "S", ha="center", va="center", fontsize=12, weight="bold")
right.text(11, 3, "G", ha="center", va="center", fontsize=12, weight="bold")
for method, (cells, color) in paths.items():
    rows, cols = np.divmod(np.array(cells), 12)
    offset = 0.08 if method == "SARSA" else -0.08
    name = "Q-learning" if method == "q-learning" else "SARSA"
    right.plot(cols, rows + offset, color=color, lw=2.5, marker="o", ms=3,
               label=f"{name}'s greedy path: {len(cells) - 1} steps")
right.set_xlim(-0.5, 11.5)
right.set_ylim(3.5, -0.5)
right.set_xticks(range(12))
right.set_yticks(range(4))
right.set_aspect("equal")
right.grid(True, color="0.85")
right.legend(loc="upper center", fontsize=9, bbox_to_anchor=(0.5, -0.12), ncol=1)
right.set_title("the 4 x 12 grid after 300 episodes")
fig.tight_layout()
fig.savefig("cliff-sarsa-vs-q.svg", metadata={"Date": None, "Creator": None})
