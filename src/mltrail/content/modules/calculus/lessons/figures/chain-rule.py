"""The chain rule for L(w) = g(p(w)), p(w) = 2w - 3, g(u) = u^2 + 1: a nudge of w is stretched by each map."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def p(w):
    return 2 * w - 3


def g(u):
    return u**2 + 1


w0, h = 1.0, 0.1
ends = {"w": [w0, w0 + h]}
ends["u"] = [p(w) for w in ends["w"]]  # [-1, -0.8]: twice as long
ends["L"] = [g(u) for u in ends["u"]]  # [2, 1.64]: reversed, 1.8 times as long
lines = [("w", 2, "w"), ("u", 1, "u = p(w) = 2w - 3"), ("L", 0, "L = g(u) = u² + 1")]

fig, ax = plt.subplots(figsize=(9, 4.6))
for key, y, name in lines:
    centre = np.mean(ends[key])
    ticks = np.arange(np.ceil((centre - 0.45) * 10), np.floor((centre + 0.45) * 10) + 1) / 10
    ax.plot([-0.45, 0.45], [y, y], color="0.3", lw=1)
    for t in ticks:
        ax.plot([t - centre] * 2, [y - 0.04, y + 0.04], color="0.3", lw=1)
        ax.text(t - centre, y - 0.17, f"{t:g}", ha="center", fontsize=8, color="0.3")
    a, b = ends[key]
    ax.plot([a - centre, b - centre], [y, y], color="tab:red", lw=5, solid_capstyle="butt")
    ax.text(0.5, y, name, va="center", fontsize=10)
    ends[key] = [a - centre, b - centre]  # where the ends are drawn
for (k0, y0), (k1, y1) in [(("w", 2), ("u", 1)), (("u", 1), ("L", 0))]:
    for x0, x1 in zip(ends[k0], ends[k1]):
        ax.plot([x0, x1], [y0 - 0.05, y1 + 0.05], color="tab:red", lw=0.8, ls=":")
ax.text(-0.5, 1.5, "length × 2 = p'(w)", ha="right", fontsize=9)
ax.text(-0.5, 0.5, "length × (-1.8), near g'(-1) = -2:\nthe order is reversed", ha="right", fontsize=9)
ax.text(0, -0.55, "overall: (1.64 - 2) / 0.1 = -3.6, and as h → 0 the factors become 2 and -2: L'(1) = 2 · (-2) = -4",
        ha="center", fontsize=9)
ax.set_xlim(-1.3, 1.1)
ax.set_ylim(-0.7, 2.3)
ax.axis("off")
ax.set_title("The nudge from w = 1 to 1.1, followed through each map")
fig.tight_layout()
fig.savefig("chain-rule.svg", metadata={"Date": None, "Creator": None})
