"""Gradient descent on L(w) = 2w^2 (curvature c = 4) from w = 1: a safe step and one above 2/c."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

c = 4.0


def path(eta, steps, w=1.0):
    ws = [w]
    for _ in range(steps):
        w = w - eta * c * w  # the gradient of 2 * w**2 is 4 * w
        ws.append(w)
    return np.array(ws)


fig, axes = plt.subplots(1, 2, figsize=(10, 4.2))
for ax, eta, steps, color, side in [(axes[0], 0.1, 6, "tab:green", -1), (axes[1], 0.6, 5, "tab:red", 1)]:
    ws = path(eta, steps)
    grid = np.linspace(-1.1 * abs(ws).max(), 1.1 * abs(ws).max(), 300)
    ax.plot(grid, c / 2 * grid**2, color="0.3", lw=1.5)
    ax.plot(ws, c / 2 * ws**2, "o-", color=color, lw=1, ms=5)
    ax.annotate(f"start w0 = {ws[0]:g}", (ws[0], c / 2 * ws[0] ** 2), xytext=(10 * side, -4),
                textcoords="offset points", ha="left" if side > 0 else "right", fontsize=9)
    ax.annotate(f"w{steps} = {ws[-1]:.4g}", (ws[-1], c / 2 * ws[-1] ** 2), xytext=(0, 8) if side < 0 else (10, 0),
                textcoords="offset points", ha="center" if side < 0 else "left", fontsize=9)
    ax.set_xlabel("w")
    ax.set_ylabel("L(w) = 2w²")
    ax.grid(True, color="0.93")
    ax.set_title(f"η = {eta}: each step multiplies w by 1 - ηc = {1 - eta * c:.1f}")
axes[0].text(0.5, 0.9, "η < 2/c = 0.5: converges", transform=axes[0].transAxes, ha="center")
axes[1].text(0.5, 0.9, "η > 2/c = 0.5: diverges", transform=axes[1].transAxes, ha="center")
fig.tight_layout()
fig.savefig("step-sizes.svg", metadata={"Date": None, "Creator": None})
