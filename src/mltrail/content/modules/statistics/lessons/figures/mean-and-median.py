"""Seven request latencies: one slow request pulls the mean, not the median."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

latency = np.array([12, 15, 11, 40, 13, 14, 12])
mean, median = latency.mean(), np.median(latency)

fig, ax = plt.subplots(figsize=(7, 2.8))
values, counts = np.unique(latency, return_counts=True)
for value, count in zip(values, counts):  # a dot plot: equal values are stacked
    ax.plot([value] * count, np.arange(1, count + 1), "o", ms=12, color="tab:blue")
ax.axvline(median, color="tab:green", lw=2, label=f"median = {median:g} ms")
ax.axvline(mean, color="tab:red", lw=2, ls="--", label=f"mean = {mean:.2f} ms")
ax.set_yticks([])
ax.set_ylim(0, 3)
ax.set_xlabel("latency (ms)")
ax.legend(loc="upper right")
ax.set_title("One slow request (40 ms) pulls the mean to the right; the median stays at 13")
fig.tight_layout()
fig.savefig("mean-and-median.svg", metadata={"Date": None, "Creator": None})
