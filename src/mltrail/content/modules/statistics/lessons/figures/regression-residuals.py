"""The least-squares line through five months of spend and sales, with its residuals."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

spend = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
sales = np.array([3.0, 5.0, 6.0, 9.0, 10.0])
dx, dy = spend - spend.mean(), sales - sales.mean()
slope = dx @ dy / (dx @ dx)  # 1.8
intercept = sales.mean() - slope * spend.mean()  # 1.2
fitted = slope * spend + intercept

fig, ax = plt.subplots(figsize=(6, 4.5))
ax.vlines(spend, fitted, sales, color="tab:red", lw=2, label="residuals: observed - fitted")
ax.plot(spend, sales, "o", color="tab:blue", ms=8, label="months")
x = np.linspace(0.5, 5.5, 2)
ax.plot(x, slope * x + intercept, color="black", label=f"sales = {slope:g} × spend + {intercept:g}")
ax.plot(spend.mean(), sales.mean(), "s", color="tab:green", ms=9, label="point of means (3, 6.6)")
ax.plot(3.5, slope * 3.5 + intercept, "D", color="tab:orange", ms=8, label="prediction at 3.5: 7.5")
ax.set_xlabel("advertising spend (thousands)")
ax.set_ylabel("sales (thousands)")
ax.legend(loc="upper left", fontsize=9)
ax.set_title("Least squares: the smallest sum of squared red lengths")
fig.tight_layout()
fig.savefig("regression-residuals.svg", metadata={"Date": None, "Creator": None})
