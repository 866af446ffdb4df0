"""A linear combination as chained arrows, and the sign of the dot product."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def arrow(ax, start, vec, color, label):
    ax.annotate("", xy=start + vec, xytext=start, arrowprops=dict(arrowstyle="-|>", color=color, lw=2))
    ax.plot([], [], color=color, lw=2, label=label)  # an entry in the legend


u, v, w = np.array([1.0, 0.0]), np.array([0.0, 1.0]), np.array([1.0, 1.0])
fig, (left, right) = plt.subplots(1, 2, figsize=(10, 5))

# Left: 2u - 3v + 0.5w, each step starting where the previous one ended.
point = np.zeros(2)
for vec, color, label in [(2 * u, "tab:blue", "2u"), (-3 * v, "tab:red", "-3v"), (0.5 * w, "tab:green", "0.5w")]:
    arrow(left, point, vec, color, label)
    point = point + vec
arrow(left, np.zeros(2), point, "black", "2u - 3v + 0.5w = (2.5, -2.5)")
left.set_title("A linear combination: chain the scaled arrows")

# Right: vectors whose dot product with a = (2, 1) is positive, zero and negative.
a = np.array([2.0, 1.0])
arrow(right, np.zeros(2), a, "black", "a = (2, 1)")
for b, color in [((1, 2), "tab:green"), ((-1, 2), "tab:orange"), ((-2, 0.5), "tab:red")]:
    arrow(right, np.zeros(2), np.array(b), color, f"b = {b}: a·b = {a @ np.array(b):g}")
right.set_title("The sign of a·b: same way, perpendicular, opposite")

for ax in (left, right):
    ax.axhline(0, color="0.85", lw=0.8)
    ax.axvline(0, color="0.85", lw=0.8)
    ax.set_aspect("equal")
    ax.grid(True, color="0.93")
left.legend(loc="upper right")
right.legend(loc="lower left")
left.set_xlim(-0.5, 4.5)
left.set_ylim(-3.5, 2)
right.set_xlim(-3, 3)
right.set_ylim(-2, 3)
fig.tight_layout()
fig.savefig("vectors-and-dot-products.svg", metadata={"Date": None, "Creator": None})
