"""Standardised means of n exponential waiting times, for n = 1, 5 and 50, against the standard normal density."""
import math

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)  # the lesson's generator, in the lesson's order
rng.integers(1, 7, size=100_000)  # the die rolls come first
waits = rng.exponential(scale=1 / 2.0, size=(20_000, 50))  # rate 2: mean 0.5, standard deviation 0.5

x = np.linspace(-4, 4, 200)
normal = np.exp(-x**2 / 2) / math.sqrt(2 * math.pi)
fig, axes = plt.subplots(1, 3, figsize=(11, 3.8), sharey=True)
for ax, n in zip(axes, [1, 5, 50]):
    z = (waits[:, :n].mean(axis=1) - 0.5) / (0.5 / np.sqrt(n))  # the first n waits of each row
    ax.hist(z, bins=np.linspace(-4, 4, 49), density=True, color="tab:blue", alpha=0.6,
            label="histogram of the 20,000 values")
    ax.plot(x, normal, color="black", lw=1.5, label="standard normal density")
    ax.set_title(f"n = {n}" + (" (single waiting times)" if n == 1 else ""))
    ax.set_xlabel("standardised mean $Z_n$")
    ax.set_xlim(-4, 4)
axes[0].set_ylabel("density")
axes[2].legend(loc="upper right", fontsize=8.5)
axes[2].text(0, 0.55, f"{np.mean(np.abs(z) < 1.96):.1%} within ±1.96", ha="center", fontsize=9)
fig.suptitle("Central limit theorem: 20,000 standardised means of n exponential waiting times")
fig.tight_layout()
fig.savefig("central-limit-theorem.svg", metadata={"Date": None, "Creator": None})
