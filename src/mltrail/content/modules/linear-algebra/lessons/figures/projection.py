"""Projecting b = (3, 1) onto a = (1, 1): the residual is perpendicular to a."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

a = np.array([1.0, 1.0])
b = np.array([3.0, 1.0])
p = (a @ b) / (a @ a) * a  # (2, 2)
r = b - p  # (1, -1), orthogonal to a

fig, ax = plt.subplots(figsize=(6, 5))
t = np.linspace(-0.5, 3.5, 2)
ax.plot(t, t, color="0.8", label="the line through a")
for vec, start, color, label in [(a, (0, 0), "black", "a = (1, 1)"), (b, (0, 0), "tab:blue", "b = (3, 1)"),
                                 (p, (0, 0), "tab:green", "projection p = (2, 2)"),
                                 (r, p, "tab:red", "residual r = b - p = (1, -1)")]:
    ax.annotate("", xy=np.add(start, vec), xytext=start, arrowprops=dict(arrowstyle="-|>", color=color, lw=2))
    ax.plot([], [], color=color, lw=2, label=label)
# A small square marks the right angle between r and the line at p.
s = 0.15
u, n = a / np.linalg.norm(a), r / np.linalg.norm(r)
corner = np.array([p - s * u, p - s * u + s * n, p + s * n])
ax.plot(corner[:, 0], corner[:, 1], color="tab:red", lw=1)
ax.set_aspect("equal")
ax.set_xlim(-0.5, 3.5)
ax.set_ylim(-0.5, 3)
ax.grid(True, color="0.93")
ax.legend(loc="upper left")
ax.set_title("The closest point to b on the line is p; b - p is perpendicular to a")
fig.tight_layout()
fig.savefig("projection.svg", metadata={"Date": None, "Creator": None})
