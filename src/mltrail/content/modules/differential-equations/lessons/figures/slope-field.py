"""The slope field of y' = t - y, solution curves, and Euler's method with h = 0.5 from (0, 1)."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

T, Y = np.meshgrid(np.linspace(0, 4, 17), np.linspace(-1, 3, 17))
S = T - Y
norm = np.sqrt(1 + S**2)

fig, ax = plt.subplots(figsize=(7.5, 5))
ax.quiver(T, Y, 1 / norm, S / norm, angles="xy", color="0.6", headwidth=1, headlength=0, headaxislength=0,
          pivot="middle", scale=28, width=0.003)
t = np.linspace(0, 4, 200)
for C in [-2.0, -1.0, 0.0, 1.0, 3.0, 4.0]:
    ax.plot(t, t - 1 + C * np.exp(-t), color="tab:blue", lw=0.8, alpha=0.5)
ax.plot(t, t - 1 + 2 * np.exp(-t), color="tab:blue", lw=2.2, label="solution through (0, 1): y = t - 1 + 2e^(-t)")

h, ts, ys = 0.5, [0.0], [1.0]
for _ in range(8):
    ys.append(ys[-1] + h * (ts[-1] - ys[-1]))
    ts.append(ts[-1] + h)
ax.plot(ts, ys, "o-", color="tab:red", lw=1.5, ms=4, label="Euler's method, h = 0.5")
ax.annotate(f"Euler at t = 4: {ys[-1]:.3f}\nexact: {3 + 2 * np.exp(-4):.3f}", (4, ys[-1]), xytext=(-120, -45),
            textcoords="offset points", fontsize=9, arrowprops={"arrowstyle": "->", "color": "0.4"})
ax.set_xlim(-0.1, 4.1)
ax.set_ylim(-1.1, 3.1)
ax.set_xlabel("t")
ax.set_ylabel("y")
ax.set_title("Slope field of y' = t - y: every solution follows the little line segments")
ax.legend(loc="lower right", fontsize=9)
fig.tight_layout()
fig.savefig("slope-field.svg", metadata={"Date": None, "Creator": None})
