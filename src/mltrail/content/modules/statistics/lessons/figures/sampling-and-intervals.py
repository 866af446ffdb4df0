"""Left: the sampling distribution of a mean. Right: 50 confidence intervals, some missing."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from scipy import stats

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.5))

# Left: 10,000 test sets of 25 exponential losses (mean 1); the histogram of their means.
rng = np.random.default_rng(0)
means = rng.exponential(1.0, size=(10_000, 25)).mean(axis=1)
left.hist(means, bins=60, density=True, color="tab:blue", alpha=0.6, label="10,000 sample means (n = 25)")
x = np.linspace(0, 3, 300)
left.plot(x, np.exp(-x), color="0.4", label="one loss: exponential, mean 1")
left.plot(x, stats.norm.pdf(x, 1.0, 1 / np.sqrt(25)), color="tab:red", label="normal, sd 1/√25 = 0.2")
left.set_xlabel("mean loss")
left.set_title("Means are far less spread than single values")
left.legend()

# Right: 95 % t intervals from 50 samples of 10 values from a normal with mean 5.
rng = np.random.default_rng(8)  # about 5 % of intervals miss: 2.5 of 50 on average, 3 with this seed
samples = rng.normal(5.0, 2.0, size=(50, 10))
centre = samples.mean(axis=1)
half = stats.t.ppf(0.975, 9) * samples.std(axis=1, ddof=1) / np.sqrt(10)
missed = (centre - half > 5.0) | (centre + half < 5.0)
for i in range(50):
    color = "tab:red" if missed[i] else "tab:blue"
    right.plot([centre[i] - half[i], centre[i] + half[i]], [i, i], color=color, lw=1.5)
    right.plot(centre[i], i, "o", color=color, ms=3)
right.axvline(5.0, color="black", lw=1, label="true mean 5")
right.set_yticks([])
right.set_xlabel("value")
right.set_title(f"50 intervals from a 95 % procedure: {missed.sum()} miss (red)")
right.legend(loc="lower right")
fig.tight_layout()
fig.savefig("sampling-and-intervals.svg", metadata={"Date": None, "Creator": None})
