"""Hours as points on a circle: the cyclical encoding (sin, cos) of the hour of the day."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

hours = np.arange(24)
angle = 2 * np.pi * hours / 24
sin, cos = np.sin(angle), np.cos(angle)

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.8))
left.plot(hours, hours, "o-", color="0.5")
left.annotate("23:00 is 23 units from 0:00,\nyet only one hour before it", (23, 23), xytext=(2, 17), arrowprops=dict(arrowstyle="->"))
left.set_xlabel("hour")
left.set_ylabel("the raw feature")
left.set_title("As a number, midnight is far from 23:00")

right.plot(cos, sin, "o", color="tab:blue")
for h in hours:
    right.annotate(str(h), (cos[h], sin[h]), xytext=(cos[h] * 1.13, sin[h] * 1.13), ha="center", va="center",
                   fontsize=8)
for h in (23, 0, 1):
    right.plot(cos[h], sin[h], "o", color="tab:red")
mean = np.array([cos[[23, 0, 1]].mean(), sin[[23, 0, 1]].mean()])
right.annotate("", xy=mean, xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color="tab:red", lw=2))
right.text(0, -0.2, "the mean of hours 23, 0 and 1\npoints at hour 0", ha="center", va="top", color="tab:red",
           fontsize=9)
right.set_xlabel("cos(2π · hour / 24)")
right.set_ylabel("sin(2π · hour / 24)")
right.set_aspect("equal")
right.set_xlim(-1.35, 1.35)
right.set_ylim(-1.35, 1.35)
right.set_title("On the circle, 23 sits next to 0")
fig.tight_layout()
fig.savefig("cyclical-encoding.svg", metadata={"Date": None, "Creator": None})
