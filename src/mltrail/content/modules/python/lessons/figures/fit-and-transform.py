"""fit learns from the training data only; transform applies what was learnt to any data."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt


def box(ax, x, y, text, color):
    ax.text(x, y, text, ha="center", va="center", fontsize=11, family="monospace",
            bbox=dict(boxstyle="round,pad=0.5", fc=color, ec="0.4"))


def arrow(ax, start, end, color="0.3", style="-|>"):
    ax.annotate("", xy=end, xytext=start, arrowprops=dict(arrowstyle=style, color=color, lw=1.5))


train, new = [1.0, 2.0, 6.0], [3.0, 5.0]
mean = sum(train) / len(train)  # what fit learns: 3.0

fig, ax = plt.subplots(figsize=(8, 4.5))
box(ax, 0, 2, f"training data\n{train}", "#dbe9f6")
box(ax, 0, 0, f"new data\n{new}", "#fde2c8")
box(ax, 2.3, 2, "fit(train)", "0.95")
box(ax, 4.6, 2, f"mean_ = {mean}", "#d9f0d3")
box(ax, 4.6, 0, "transform(values)", "0.95")
box(ax, 7.1, 2, str([v - mean for v in train]), "#dbe9f6")
box(ax, 7.1, 0, str([v - mean for v in new]), "#fde2c8")
arrow(ax, (0.9, 2), (1.6, 2))
arrow(ax, (3.0, 2), (3.8, 2))
arrow(ax, (4.6, 1.6), (4.6, 0.4))
arrow(ax, (0.9, 0), (3.4, 0))
arrow(ax, (5.8, 0.2), (6.4, 1.8))
arrow(ax, (5.8, 0), (6.4, 0))
ax.text(4.5, 1.0, "the mean learnt from\nthe training data only", fontsize=9, color="0.3", ha="right")
ax.text(1.6, -0.6, "new or test data never reaches fit: no leakage", fontsize=9, color="tab:red")
ax.set_xlim(-1.2, 8.4)
ax.set_ylim(-1, 3)
ax.axis("off")
ax.set_title("MeanCenterer: fit once on training data, transform any data")
fig.tight_layout()
fig.savefig("fit-and-transform.svg", metadata={"Date": None, "Creator": None})
