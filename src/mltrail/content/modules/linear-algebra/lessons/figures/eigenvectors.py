"""A = [[2, 1], [1, 2]] maps the unit circle to an ellipse whose axes are the eigenvectors."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

A = np.array([[2.0, 1.0],
              [1.0, 2.0]])
t = np.linspace(0, 2 * np.pi, 400)
circle = np.stack([np.cos(t), np.sin(t)])
ellipse = A @ circle

fig, ax = plt.subplots(figsize=(6, 6))
ax.plot(*circle, color="0.6", label="unit circle")
ax.plot(*ellipse, color="tab:blue", label="its image under A")
v1 = np.array([1.0, 1.0]) / np.sqrt(2)  # eigenvalue 3
v2 = np.array([1.0, -1.0]) / np.sqrt(2)  # eigenvalue 1
e1 = np.array([1.0, 0.0])  # not an eigenvector
for x, color, label in [(v1, "tab:green", "(1, 1)/√2 ↦ 3 × itself"), (v2, "tab:purple", "(1, -1)/√2 ↦ itself"),
                        (e1, "tab:red", "(1, 0) ↦ (2, 1): turned")]:
    ax.annotate("", xy=x, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, lw=2))
    ax.annotate("", xy=A @ x, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, lw=2, ls="--"))
    ax.plot([], [], color=color, lw=2, label=label)
ax.set_aspect("equal")
ax.set_xlim(-3, 3)
ax.set_ylim(-3, 3)
ax.axhline(0, color="0.85", lw=0.8)
ax.axvline(0, color="0.85", lw=0.8)
ax.legend(loc="lower right")
ax.set_title("Eigenvectors only stretch (solid: x, dashed: Ax)")
fig.tight_layout()
fig.savefig("eigenvectors.svg", metadata={"Date": None, "Creator": None})
