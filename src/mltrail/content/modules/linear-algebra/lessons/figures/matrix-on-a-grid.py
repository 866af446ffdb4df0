"""A matrix acting on the plane: the grid lines stay straight and evenly spaced."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

A = np.array([[2.0, 1.0],
              [1.0, 3.0]])

fig, axes = plt.subplots(1, 2, figsize=(10, 5))
for ax, M, title in [(axes[0], np.eye(2), "Before: the grid, e1 and e2"),
                     (axes[1], A, "After x ↦ Ax with A = [[2, 1], [1, 3]]")]:
    t = np.linspace(-2, 2, 50)
    for c in np.arange(-2, 3):
        for line in (np.stack([t, np.full_like(t, c)]), np.stack([np.full_like(t, c), t])):
            image = M @ line
            ax.plot(image[0], image[1], color="0.75", lw=0.8)
    for col, color, name in [(0, "tab:blue", "first column"), (1, "tab:red", "second column")]:
        end = M[:, col]
        ax.annotate("", xy=end, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, lw=2.5))
        ax.annotate(f"{name} ({end[0]:g}, {end[1]:g})", end, xytext=(5, -12), textcoords="offset points", color=color)
    x = np.array([1.0, 1.0])
    ax.plot(*(M @ x), "ko")
    ax.annotate(f"image of (1, 1): ({(M @ x)[0]:g}, {(M @ x)[1]:g})", M @ x, xytext=(5, 5), textcoords="offset points")
    ax.set_aspect("equal")
    ax.set_xlim(-5, 5)
    ax.set_ylim(-5, 5)
    ax.set_title(title)
fig.tight_layout()
fig.savefig("matrix-on-a-grid.svg", metadata={"Date": None, "Creator": None})
