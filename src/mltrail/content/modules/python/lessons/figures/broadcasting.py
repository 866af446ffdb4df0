"""Broadcasting: X of shape (3, 2) minus mu of shape (2,), and minus row means of shape (3, 1)."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

X = np.array([[1.4, 0.2], [4.7, 1.4], [5.1, 1.9]])
mu = X.mean(axis=0)  # shape (2,)
row_means = X.mean(axis=1, keepdims=True)  # shape (3, 1)


def grid(ax, x0, values, stretched=None, title=""):
    """Draw an array as cells; cells that broadcasting only repeats are drawn faded."""
    values = np.atleast_2d(values)
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            faded = stretched is not None and stretched[i, j]
            ax.add_patch(plt.Rectangle((x0 + j, -i), 1, 1, fc="0.95" if faded else "#dbe9f6", ec="0.5",
                                       ls="--" if faded else "-"))
            ax.text(x0 + j + 0.5, -i + 0.5, f"{values[i, j]:.2f}", ha="center", va="center",
                    color="0.6" if faded else "black", fontsize=10)
    ax.text(x0 + cols / 2, 1.3, title, ha="center", fontsize=10, family="monospace")


fig, (top, bottom) = plt.subplots(2, 1, figsize=(8, 6))
faded_rows = np.array([[False, False], [True, True], [True, True]])
grid(top, 0, X, title="X (3, 2)")
top.text(2.5, -1, "−", fontsize=20, ha="center", va="center")
grid(top, 3, np.broadcast_to(mu, X.shape), faded_rows, title="mu (2,) → (3, 2)")
top.text(5.5, -1, "=", fontsize=20, ha="center", va="center")
grid(top, 6, X - mu, title="X - mu")
faded_cols = np.array([[False, True]] * 3)
grid(bottom, 0, X, title="X (3, 2)")
bottom.text(2.5, -1, "−", fontsize=20, ha="center", va="center")
grid(bottom, 3, np.broadcast_to(row_means, X.shape), faded_cols, title="means (3, 1) → (3, 2)")
bottom.text(5.5, -1, "=", fontsize=20, ha="center", va="center")
grid(bottom, 6, X - row_means, title="X - row means")
for ax in (top, bottom):
    ax.set_xlim(-0.2, 8.2)
    ax.set_ylim(-2.2, 1.8)
    ax.set_aspect("equal")
    ax.axis("off")
fig.suptitle("Broadcasting: faded cells are repeats of a size-1 dimension, never copied")
fig.tight_layout()
fig.savefig("broadcasting.svg", metadata={"Date": None, "Creator": None})
