"""A feature drifts by half a standard deviation: its binned proportions (PSI) and its empirical CDFs (KS)."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
train = rng.normal(0.0, 1.0, size=2000)
same = rng.normal(0.0, 1.0, size=1000)
shifted = rng.normal(0.5, 1.0, size=1000)
edges = np.quantile(train, np.linspace(0.1, 0.9, 9))  # training deciles: 10 bins


def proportions(values):
    return np.bincount(np.searchsorted(edges, values, side="right"), minlength=len(edges) + 1) / len(values)


p, q = proportions(train), proportions(shifted)
psi = float(np.sum((q - p) * np.log(q / p)))
grid = np.sort(np.concatenate([train, shifted]))
F_train = np.searchsorted(np.sort(train), grid, side="right") / len(train)
F_shift = np.searchsorted(np.sort(shifted), grid, side="right") / len(shifted)
k = int(np.argmax(np.abs(F_train - F_shift)))

fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.8))
x = np.arange(10)
left.bar(x - 0.2, p, width=0.4, color="tab:blue", label="training")
left.bar(x + 0.2, q, width=0.4, color="tab:orange", label="serving (mean +0.5)")
left.axhline(0.1, color="0.5", ls=":", lw=1)
left.set_xticks(x, [str(i + 1) for i in x])
left.set_xlabel("bin (training deciles)")
left.set_ylabel("share of rows")
left.set_title(f"PSI = {psi:.2f}")
left.legend(fontsize=8, loc="upper left")

right.step(grid, F_train, where="post", color="tab:blue", label="training")
right.step(grid, F_shift, where="post", color="tab:orange", label="serving")
right.vlines(grid[k], F_shift[k], F_train[k], color="black", lw=2, label=f"largest gap = {abs(F_train[k] - F_shift[k]):.2f}")
right.set_xlabel("feature value")
right.set_ylabel("share of rows at or below the value")
right.set_title("KS statistic: the largest vertical gap")
right.legend(fontsize=8, loc="lower right")
fig.tight_layout()
fig.savefig("drift-psi-ks.svg", metadata={"Date": None, "Creator": None})
