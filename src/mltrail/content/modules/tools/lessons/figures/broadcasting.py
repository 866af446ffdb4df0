"""Broadcasting a (3, 1) column against a (4,) row: both are stretched to (3, 4), then added."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

col = np.array([[0], [10], [20]])  # shape (3, 1)
row = np.array([1, 2, 3, 4])       # shape (4,), read as (1, 4)
total = col + row                  # shape (3, 4)


def grid(ax, values, x0, y0, title, stretched=None):
    """Draw an array as a grid of cells; cells that broadcasting copies are shaded grey."""
    values = np.atleast_2d(values)
    rows, cols = values.shape
    for i in range(rows):
        for j in range(cols):
            copied = stretched is not None and stretched[i, j]
            ax.add_patch(plt.Rectangle((x0 + j, y0 - i), 1, 1, facecolor="0.88" if copied else "tab:blue",
                                       alpha=1.0 if copied else 0.35, edgecolor="0.2"))
            ax.text(x0 + j + 0.5, y0 - i + 0.5, str(values[i, j]), ha="center", va="center",
                    fontsize=11, color="0.45" if copied else "black")
    ax.text(x0 + cols / 2, y0 + 1.35, title, ha="center", fontsize=10)


fig, ax = plt.subplots(figsize=(11, 3.6))
# Top line: the arrays as stored. Bottom line: as broadcasting sees them.
grid(ax, col, 0, 3.5, "col: shape (3, 1)")
grid(ax, row, 6, 3.5, "row: shape (4,)")
ax.text(11.5, 3.0, "shapes are aligned from the right:\n(3, 1)\n(   4)  ->  (1, 4)\nsizes 1 stretch to match:\nresult (3, 4)",
        fontsize=10, va="center", family="monospace")
stretch_col = np.ones((3, 4), dtype=bool)
stretch_col[:, 0] = False
stretch_row = np.ones((3, 4), dtype=bool)
stretch_row[0, :] = False
grid(ax, np.repeat(col, 4, axis=1), 0, -1.5, "col, copied along axis 1", stretch_col)
ax.text(5.0, -2.0, "+", fontsize=20, ha="center", va="center")
grid(ax, np.repeat(row[None, :], 3, axis=0), 6, -1.5, "row, copied along axis 0", stretch_row)
ax.text(11.0, -2.0, "=", fontsize=20, ha="center", va="center")
grid(ax, total, 12, -1.5, "col + row: shape (3, 4)")
ax.set_xlim(-0.5, 17.5)
ax.set_ylim(-4.8, 5.2)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
fig.savefig("broadcasting.svg", metadata={"Date": None, "Creator": None})
