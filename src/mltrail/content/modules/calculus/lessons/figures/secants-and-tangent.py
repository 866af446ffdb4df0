"""Secants of L(w) = (2w - 3)^2 + 1 through w = 1 tilt towards the tangent, of slope L'(1) = -4."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def loss(w):
    return (2 * w - 3) ** 2 + 1


w0 = 1.0
ws = np.linspace(0.3, 2.2, 200)
fig, ax = plt.subplots(figsize=(6.5, 4.5))
ax.plot(ws, loss(ws), color="black", lw=2, label="L(w) = (2w - 3)² + 1")
for h, color in [(1.0, "tab:blue"), (0.5, "tab:purple"), (0.25, "tab:orange")]:
    slope = (loss(w0 + h) - loss(w0)) / h  # -4 + 4h
    ax.plot(ws, loss(w0) + slope * (ws - w0), color=color, lw=1, ls="--",
            label=f"secant, h = {h}: slope {slope:g}")
    ax.plot([w0 + h], [loss(w0 + h)], "o", color=color)
ax.plot(ws, loss(w0) - 4 * (ws - w0), color="tab:red", lw=2, label="tangent: slope L'(1) = -4")
ax.plot([w0], [loss(w0)], "ko")
ax.annotate("w = 1", (w0, loss(w0)), xytext=(8, 8), textcoords="offset points")
ax.set_xlim(0.3, 2.2)
ax.set_ylim(-0.5, 6)
ax.set_xlabel("w")
ax.set_ylabel("loss")
ax.grid(True, color="0.93")
ax.legend(loc="upper right", fontsize=9)
ax.set_title("As h shrinks, the secant slopes -4 + 4h tend to the tangent's -4")
fig.tight_layout()
fig.savefig("secants-and-tangent.svg", metadata={"Date": None, "Creator": None})
