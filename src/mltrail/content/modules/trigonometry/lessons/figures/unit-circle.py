"""The unit circle: the point at angle theta is (cos theta, sin theta)."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

theta = 2.4  # radians, in the second quadrant: cosine negative, sine positive
x, y = np.cos(theta), np.sin(theta)

fig, ax = plt.subplots(figsize=(5, 5))
t = np.linspace(0, 2 * np.pi, 400)
ax.plot(np.cos(t), np.sin(t), color="0.6")
ax.axhline(0, color="0.8", lw=0.8)
ax.axvline(0, color="0.8", lw=0.8)
arc = np.linspace(0, theta, 100)
ax.plot(np.cos(arc), np.sin(arc), color="tab:orange", lw=3, label=f"arc of length θ = {theta} rad")
ax.plot([0, x], [0, y], color="black")
ax.plot([x, x], [0, y], "--", color="tab:red", label=f"sin θ = {y:.2f} (height)")
ax.plot([0, x], [0, 0], "--", color="tab:blue", lw=2, label=f"cos θ = {x:.2f} (across)")
ax.plot([x], [y], "o", color="black")
ax.annotate("(cos θ, sin θ)", (x, y), xytext=(-75, 10), textcoords="offset points")
ax.plot([1], [0], "o", color="tab:orange")
ax.annotate("start (1, 0)", (1, 0), xytext=(5, -15), textcoords="offset points")
ax.set_aspect("equal")
ax.set_xlim(-1.3, 1.3)
ax.set_ylim(-1.3, 1.3)
ax.legend(loc="lower left", fontsize=9)
ax.set_title("The unit circle: cosine and sine are coordinates")
fig.savefig("unit-circle.svg", metadata={"Date": None, "Creator": None})
