"""The running mean of the lesson's 100,000 die rolls settles on 3.5, inside a band that shrinks like 1/sqrt(n)."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)  # the lesson's seed and rolls
rolls = rng.integers(1, 7, size=100_000)
n = np.arange(1, rolls.size + 1)
running = np.cumsum(rolls) / n
band = 1.96 * np.sqrt(35 / 12) / np.sqrt(n)  # 1.96 standard deviations of the mean of n rolls

shown = np.unique(np.geomspace(1, rolls.size, 400).astype(int)) - 1  # enough points for a log axis
fig, ax = plt.subplots(figsize=(6.5, 4.2))
ax.fill_between(n[shown], 3.5 - band[shown], 3.5 + band[shown], color="tab:blue", alpha=0.15,
                label="3.5 ± 1.96 σ/√n")
ax.plot(n[shown], running[shown], color="tab:blue", lw=1.5, label="mean of the first n rolls")
ax.axhline(3.5, color="black", lw=1, ls="--", label="expectation 3.5")
ax.set_xscale("log")
ax.set_ylim(1, 6)
ax.set_xlabel("number of rolls n (log scale)")
ax.set_ylabel("running mean")
ax.legend(loc="upper right")
ax.set_title(f"Law of large numbers: after {rolls.size:,} rolls the mean is {running[-1]:.4f}")
fig.tight_layout()
fig.savefig("law-of-large-numbers.svg", metadata={"Date": None, "Creator": None})
