"""Contours of f(x, y) = x^2 y + 3y and its gradient (2xy, x^2 + 3) drawn as arrows."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def f(x, y):
    return x**2 * y + 3 * y


def gradient(x, y):
    return 2 * x * y, x**2 + 3


fig, ax = plt.subplots(figsize=(6, 5.5))
x, y = np.meshgrid(np.linspace(-2, 2, 81), np.linspace(-2, 2, 81))
levels = np.arange(-14, 15, 2)
ax.contourf(x, y, f(x, y), levels=levels, cmap="coolwarm", alpha=0.35)  # blue low, red high
contours = ax.contour(x, y, f(x, y), levels=levels, colors="0.35", linewidths=0.8)
ax.clabel(contours, levels[1:-1:2], fontsize=8)
gx, gy = np.meshgrid(np.linspace(-1.75, 1.75, 8), np.linspace(-1.75, 1.75, 8))
u, v = gradient(gx, gy)
ax.quiver(gx, gy, u, v, angles="xy", scale_units="xy", scale=12, width=0.004, color="black")
ax.quiver([1], [1], *gradient(1, 1), angles="xy", scale_units="xy", scale=12, width=0.007, color="tab:green")
ax.annotate("∇f(1, 1) = (2, 4)", (1, 1), xytext=(0.45, 0.82), color="tab:green",
            bbox=dict(facecolor="white", edgecolor="none", pad=1))
ax.set_aspect("equal")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_title("The gradient points uphill, across the contour lines")
fig.tight_layout()
fig.savefig("gradient-field.svg", metadata={"Date": None, "Creator": None})
