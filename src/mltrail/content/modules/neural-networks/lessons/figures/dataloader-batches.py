"""How a shuffling data loader cuts 10 examples into batches of 4 in two epochs: a new order each epoch, a short last batch."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

n, batch_size = 10, 4
rng = np.random.default_rng(0)
orders = [rng.permutation(n) for _ in range(2)]
colours = ["tab:blue", "tab:orange", "tab:green"]

fig, ax = plt.subplots(figsize=(9, 3.4))
for row, order in enumerate(orders):
    y = 1.4 - 1.2 * row
    ax.text(-0.3, y + 0.35, f"epoch {row + 1}", ha="right", va="center", fontsize=10)
    for position, index in enumerate(order):
        batch = position // batch_size
        x = position + 0.35 * batch  # a gap between batches
        ax.add_patch(Rectangle((x, y), 0.9, 0.7, facecolor=colours[batch], alpha=0.35, edgecolor="black"))
        ax.text(x + 0.45, y + 0.35, str(index), ha="center", va="center", fontsize=11)
    for batch in range(int(np.ceil(n / batch_size))):
        size = min(batch_size, n - batch * batch_size)
        start = batch * batch_size + 0.35 * batch
        ax.text(start + size * 0.5 - 0.05, y - 0.18, f"batch {batch + 1}: {size} examples, one step",
                ha="center", fontsize=8, color="0.3")
ax.set_xlim(-1.6, n + 1.2)
ax.set_ylim(-0.1, 2.3)
ax.axis("off")
ax.set_title("DataLoader(dataset, batch_size=4, shuffle=True) over 10 examples: 3 steps per epoch")
fig.tight_layout()
fig.savefig("dataloader-batches.svg", metadata={"Date": None, "Creator": None})
