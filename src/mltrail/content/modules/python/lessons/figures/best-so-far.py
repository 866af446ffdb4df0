"""Validation accuracy per epoch, and the best value a loop has seen so far."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt

accuracies = [0.71, 0.78, 0.76, 0.81]
best, bests, new_best = 0.0, [], []
for epoch, acc in enumerate(accuracies):  # the loop of the lesson
    if acc > best:
        best = acc
        new_best.append(epoch)
    bests.append(best)

fig, ax = plt.subplots(figsize=(6, 4))
epochs = range(len(accuracies))
ax.plot(epochs, accuracies, "o-", color="tab:blue", label="validation accuracy")
ax.step(epochs, bests, where="post", color="tab:orange", lw=2, label="best so far (the variable best)")
ax.plot(new_best, [accuracies[e] for e in new_best], "o", ms=12, mfc="none", mec="tab:red",
        label="new best: save a checkpoint")
ax.set_xticks(list(epochs))
ax.set_xlabel("epoch")
ax.set_ylabel("accuracy")
ax.set_ylim(0.68, 0.84)
ax.legend(loc="lower right")
ax.set_title("A loop that carries a value: the best accuracy so far")
fig.tight_layout()
fig.savefig("best-so-far.svg", metadata={"Date": None, "Creator": None})
