"""Average regret of epsilon-greedy, UCB1 and Thompson sampling on a three-armed Bernoulli bandit."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

P = np.array([0.3, 0.5, 0.6])  # the arms' success probabilities; arm 2 is the best
RUNS, T = 300, 1000
rng = np.random.default_rng(0)
rows = np.arange(RUNS)


def simulate(choose):
    """Mean cumulative regret over RUNS independent runs, all runs advanced together."""
    counts = np.zeros((RUNS, 3))
    sums = np.zeros((RUNS, 3))
    regret = np.zeros((RUNS, T))
    total = np.zeros(RUNS)
    for t in range(T):
        arms = choose(t, counts, sums)
        rewards = (rng.uniform(size=RUNS) < P[arms]).astype(float)
        counts[rows, arms] += 1
        sums[rows, arms] += rewards
        total += P.max() - P[arms]
        regret[:, t] = total
    return regret.mean(axis=0)


def epsilon_greedy(epsilon):
    def choose(t, counts, sums):
        means = np.divide(sums, counts, out=np.zeros_like(sums), where=counts > 0)
        greedy = means.argmax(axis=1)
        explore = rng.uniform(size=RUNS) < epsilon
        return np.where(explore, rng.integers(0, 3, size=RUNS), greedy)
    return choose


def ucb1(t, counts, sums):
    if t < 3:
        return np.full(RUNS, t)
    return (sums / counts + np.sqrt(2.0 * np.log(t) / counts)).argmax(axis=1)


def thompson(t, counts, sums):
    return rng.beta(1.0 + sums, 1.0 + counts - sums).argmax(axis=1)


curves = [
    ("greedy (epsilon = 0)", "0.5", epsilon_greedy(0.0)),
    ("epsilon-greedy, epsilon = 0.1", "tab:orange", epsilon_greedy(0.1)),
    ("UCB1, c = sqrt(2)", "tab:blue", ucb1),
    ("Thompson sampling", "tab:green", thompson),
]
fig, ax = plt.subplots(figsize=(6.5, 4.3))
steps = np.arange(1, T + 1)
for label, color, choose in curves:
    ax.plot(steps, simulate(choose), color=color, lw=2, label=label)
ax.set_xlabel("step t")
ax.set_ylabel("regret (mean of 300 runs)")
ax.set_xlim(0, T)
ax.set_ylim(0, None)
ax.grid(True, color="0.93")
ax.legend(loc="upper left", fontsize=9)
ax.set_title("Three arms paying 1 with probability 0.3, 0.5 and 0.6")
fig.tight_layout()
fig.savefig("bandit-regret.svg", metadata={"Date": None, "Creator": None})
