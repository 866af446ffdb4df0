"""Left: the coordinates of v in axes turned by theta. Right: the rotation R(pi/2) of v."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def arrow(ax, end, color, label, start=(0, 0), style="-"):
    ax.annotate("", xy=end, xytext=start, arrowprops=dict(arrowstyle="-|>", color=color, lw=2, ls=style))
    ax.plot([], [], color=color, lw=2, ls=style, label=label)


theta = np.pi / 6
v = np.array([2.0, 1.0])
u = np.array([np.cos(theta), np.sin(theta)])
w = np.array([-np.sin(theta), np.cos(theta)])
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 5))

arrow(left, v, "black", "v = (2, 1)")
arrow(left, u, "tab:blue", "u = (cos θ, sin θ), θ = π/6")
arrow(left, w, "tab:red", "w = (-sin θ, cos θ)")
for direction, color in [(u, "tab:blue"), (w, "tab:red")]:
    left.plot(*np.outer([-3, 3], direction).T, color=color, lw=0.6, alpha=0.5)  # the turned axis
    foot = (v @ direction) * direction
    left.plot([v[0], foot[0]], [v[1], foot[1]], ":", color=color)
    left.plot(*foot, "o", color=color)
left.annotate(f"v·u = {v @ u:.4f}", (v @ u) * u, xytext=(5, -15), textcoords="offset points", color="tab:blue")
left.annotate(f"v·w = {v @ w:.4f}", (v @ w) * w, xytext=(-2.2, -0.9), color="tab:red",
              arrowprops=dict(arrowstyle="->", color="tab:red"))
left.set_title("Coordinates of v along axes turned by θ")

R = np.array([[np.cos(np.pi / 2), -np.sin(np.pi / 2)], [np.sin(np.pi / 2), np.cos(np.pi / 2)]])
arrow(right, v, "black", "v = (2, 1)")
arrow(right, R @ v, "black", "R(π/2) v = (-1, 2)", style="--")
arrow(right, R[:, 0], "tab:blue", "first column: where (1, 0) goes")
arrow(right, R[:, 1], "tab:red", "second column: where (0, 1) goes")
t = np.linspace(np.arctan2(v[1], v[0]), np.arctan2(v[1], v[0]) + np.pi / 2, 50)
right.plot(np.sqrt(5) * np.cos(t), np.sqrt(5) * np.sin(t), color="0.6", lw=1)  # same length: on one circle
right.set_title("A rotation keeps lengths; its columns are rotated axes")

for ax in (left, right):
    ax.axhline(0, color="0.85", lw=0.8)
    ax.axvline(0, color="0.85", lw=0.8)
    ax.set_aspect("equal")
    ax.set_xlim(-2.5, 2.8)
    ax.set_ylim(-1.3, 2.8)
    ax.legend(loc="lower right", fontsize=8)
fig.tight_layout()
fig.savefig("projections-and-rotation.svg", metadata={"Date": None, "Creator": None})
