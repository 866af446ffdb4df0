"""Bayes' rule by counting: 10,000 people, 1 % sick, a test with 99 % sensitivity and 5 % false alarms."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt

people = 10_000
sick = people * 0.01
healthy = people - sick
true_positives, false_negatives = sick * 0.99, sick * 0.01
false_positives, true_negatives = healthy * 0.05, healthy * 0.95
positives = true_positives + false_positives

fig, (tree, bar) = plt.subplots(1, 2, figsize=(10, 4.6), gridspec_kw={"width_ratios": [3, 1]})
boxes = {  # (x, y): (text, colour)
    (0, 0): (f"{people:,} people", "white"),
    (1, 1): (f"sick\n{sick:,.0f}", "white"), (1, -1): (f"healthy\n{healthy:,.0f}", "white"),
    (2, 1.5): (f"positive\n{true_positives:,.0f}", "tab:red"), (2, 0.5): (f"negative\n{false_negatives:,.0f}", "white"),
    (2, -0.5): (f"positive\n{false_positives:,.0f}", "tab:orange"), (2, -1.5): (f"negative\n{true_negatives:,.0f}", "white"),
}
edges = [((0, 0), (1, 1), "1 %"), ((0, 0), (1, -1), "99 %"), ((1, 1), (2, 1.5), "99 %"),
         ((1, 1), (2, 0.5), "1 %"), ((1, -1), (2, -0.5), "5 %"), ((1, -1), (2, -1.5), "95 %")]
for (x0, y0), (x1, y1), share in edges:
    tree.plot([x0, x1], [y0, y1], color="0.5", zorder=1)
    tree.text((x0 + x1) / 2, (y0 + y1) / 2 + 0.12, share, ha="center", fontsize=9,
              bbox=dict(fc="white", ec="none", pad=1))
for (x, y), (text, colour) in boxes.items():
    tree.text(x, y, text, ha="center", va="center", fontsize=10,
              bbox=dict(boxstyle="round,pad=0.4", fc=colour, ec="black", alpha=0.9 if colour == "white" else 0.5))
tree.set_xlim(-0.4, 2.4)
tree.set_ylim(-1.9, 1.9)
tree.axis("off")
tree.set_title("Split by health, then by test result")

bar.bar([0], [true_positives], color="tab:red", alpha=0.6, label=f"sick: {true_positives:.0f}")
bar.bar([0], [false_positives], bottom=[true_positives], color="tab:orange", alpha=0.6,
        label=f"healthy: {false_positives:.0f}")
bar.set_xticks([])
bar.set_xlim(-0.8, 0.8)
bar.set_ylabel("people who test positive")
bar.legend(loc="upper center", fontsize=9)
bar.set_ylim(0, 760)
bar.set_title(f"P(sick | positive)\n= {true_positives:.0f} / {positives:.0f} = {true_positives / positives:.3f}")
fig.tight_layout()
fig.savefig("bayes-tree.svg", metadata={"Date": None, "Creator": None})
