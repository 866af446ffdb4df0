"""The area under a measured ROC curve, added up as trapezoids: 0.8225."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt

fpr = [0.0, 0.1, 0.3, 0.6, 1.0]
tpr = [0.0, 0.6, 0.8, 0.95, 1.0]

fig, ax = plt.subplots(figsize=(5.5, 5))
total = 0.0
for i in range(len(fpr) - 1):
    area = (fpr[i + 1] - fpr[i]) * (tpr[i] + tpr[i + 1]) / 2  # width times mean height
    total += area
    xs = [fpr[i], fpr[i], fpr[i + 1], fpr[i + 1]]
    ax.fill(xs, [0, tpr[i], tpr[i + 1], 0], color=f"C{i}", alpha=0.35, ec="white", lw=2)
    ax.text((fpr[i] + fpr[i + 1]) / 2, 0.05, f"{area:.4g}", ha="center", fontsize=9)
ax.plot(fpr, tpr, "ko-", lw=2)
ax.plot([0, 1], [0, 1], color="0.4", ls="--", lw=1)
ax.text(0.72, 0.66, "chance: area 0.5", rotation=45, ha="center", va="center", fontsize=9, color="0.3")
ax.set_xlim(0, 1)
ax.set_ylim(0, 1.05)
ax.set_aspect("equal")
ax.set_xlabel("false-positive rate")
ax.set_ylabel("true-positive rate")
ax.set_title(f"Four trapezoids, total area (AUC) = {total:.4f}")
fig.tight_layout()
fig.savefig("trapezoid-auc.svg", metadata={"Date": None, "Creator": None})
