"""One saved model, two ways to use it: an HTTP endpoint for single requests and a batch job in chunks."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
from matplotlib.patches import FancyBboxPatch

fig, ax = plt.subplots(figsize=(8, 4.2))
ax.set_xlim(0, 10)
ax.set_ylim(0, 5.4)
ax.axis("off")


def box(x, y, w, h, text, color):
    ax.add_patch(FancyBboxPatch((x, y), w, h, boxstyle="round,pad=0.08", fc=color, ec="0.3"))
    ax.text(x + w / 2, y + h / 2, text, ha="center", va="center", fontsize=9)


def arrow(x0, y0, x1, y1, label=""):
    ax.annotate("", (x1, y1), (x0, y0), arrowprops=dict(arrowstyle="->", color="0.3", lw=1.3))
    if label:
        ax.text((x0 + x1) / 2, (y0 + y1) / 2 + 0.15, label, ha="center", fontsize=8, color="0.25")


box(0.1, 2.1, 1.9, 1.2, "training run\nseed, data hash,\nlock file", "#e8eef8")
box(2.7, 2.1, 2.0, 1.2, "model file\niris-1.0.0.joblib\n+ metadata.json", "#fdf0d8")
arrow(2.0, 2.7, 2.7, 2.7, "save")
# online path
box(5.5, 3.7, 1.9, 1.2, "HTTP service\nPOST /predict\nvalidate, predict", "#e3f4e3")
box(8.1, 3.7, 1.8, 1.2, "JSON answer\n200: prediction\n422: bad input", "#f2f2f2")
arrow(4.7, 3.0, 5.5, 4.2, "load once")
arrow(7.4, 4.3, 8.1, 4.3)
ax.text(6.45, 5.1, "online: one row, milliseconds", ha="center", fontsize=9, color="tab:green")
# batch path
box(5.5, 0.5, 1.9, 1.2, "batch job\nchunks of 10 000 rows\nscore each chunk", "#e3f4e3")
box(8.1, 0.5, 1.8, 1.2, "scores table\n+ model version\nper row", "#f2f2f2")
arrow(4.7, 2.4, 5.5, 1.2, "load once")
arrow(7.4, 1.1, 8.1, 1.1)
ax.text(6.45, 0.1, "batch: millions of rows, bounded memory", ha="center", fontsize=9, color="tab:green")
fig.tight_layout()
fig.savefig("two-ways-to-serve.svg", metadata={"Date": None, "Creator": None})
