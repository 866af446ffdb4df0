"""A permutation test: the null distribution of the difference, and the observed one."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

a = np.array([3.1, 4.0, 3.6, 2.9, 3.8])
b = np.array([4.2, 3.9, 4.6, 4.4, 3.7, 4.8])
observed = abs(a.mean() - b.mean())
pooled = np.concatenate([a, b])
rng = np.random.default_rng(0)
shuffled = np.array([abs(p[:5].mean() - p[5:].mean()) for p in (rng.permutation(pooled) for _ in range(5000))])
extreme = shuffled >= observed - 1e-12
p_value = (extreme.sum() + 1) / (5000 + 1)

fig, ax = plt.subplots(figsize=(7, 4))
bins = np.linspace(0, shuffled.max() + 0.05, 40)
ax.hist(shuffled[~extreme], bins=bins, color="0.7", label="shuffled labels: |difference of means|")
ax.hist(shuffled[extreme], bins=bins, color="tab:red", label=f"at least as extreme: p = {p_value:.3f}")
ax.axvline(observed, color="black", lw=2, label=f"observed difference {observed:.3f}")
ax.set_xlabel("|mean of A - mean of B|")
ax.set_ylabel("shuffles (of 5,000)")
ax.legend()
ax.set_title("If the labels made no difference, how rare is the observed gap?")
fig.tight_layout()
fig.savefig("permutation-test.svg", metadata={"Date": None, "Creator": None})
