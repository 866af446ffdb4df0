"""k-NN regions on penguins for k = 1 and k = 15, and the Gini and entropy impurities of a two-class node."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
import palmerpenguins
from matplotlib.colors import ListedColormap

penguins = palmerpenguins.load_penguins().dropna()
X = penguins[["bill_length_mm", "flipper_length_mm"]].to_numpy()
species = np.array(["Adelie", "Chinstrap", "Gentoo"])
y = np.searchsorted(species, penguins["species"].to_numpy())
mean, std = X.mean(axis=0), X.std(axis=0)
Z = (X - mean) / std


def knn(points, k):
    D = ((points[:, None, :] - Z[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(D, axis=1, kind="stable")[:, :k]
    votes = np.stack([(y[nearest] == c).sum(axis=1) for c in range(3)], axis=1)
    return votes.argmax(axis=1)


gx, gy = np.meshgrid(np.linspace(31, 61, 160), np.linspace(170, 233, 160))
grid = (np.column_stack([gx.ravel(), gy.ravel()]) - mean) / std
colors = ["tab:orange", "tab:purple", "tab:green"]
fig, axes = plt.subplots(1, 3, figsize=(13, 4.2))
for ax, k in zip(axes[:2], (1, 15)):
    regions = knn(grid, k).reshape(gx.shape)
    ax.contourf(gx, gy, regions, levels=[-0.5, 0.5, 1.5, 2.5], cmap=ListedColormap(colors), alpha=0.22)
    for c, name in enumerate(species):
        ax.scatter(X[y == c, 0], X[y == c, 1], s=9, color=colors[c], label=name, edgecolor="white", linewidth=0.3)
    ax.set_xlabel("bill length (mm)")
    ax.set_title(f"k-NN with k = {k}", fontsize=11)
axes[0].set_ylabel("flipper length (mm)")
axes[0].legend(fontsize=8, loc="upper left")

p = np.linspace(0.0, 1.0, 201)
with np.errstate(divide="ignore", invalid="ignore"):
    entropy = -np.nan_to_num(p * np.log2(p)) - np.nan_to_num((1 - p) * np.log2(1 - p))
axes[2].plot(p, 1 - p**2 - (1 - p) ** 2, color="tab:blue", lw=2, label="Gini: 1 - p² - (1 - p)²")
axes[2].plot(p, entropy, color="tab:red", lw=2, label="entropy (bits)")
axes[2].plot(p, entropy / 2, color="tab:red", lw=1, ls="--", label="entropy / 2")
axes[2].set_xlabel("share p of class 1 in a node")
axes[2].set_ylabel("impurity")
axes[2].legend(fontsize=8, loc="lower center")
axes[2].set_title("Impurity of a two-class node", fontsize=11)
fig.tight_layout()
fig.savefig("neighbours-and-impurity.svg", metadata={"Date": None, "Creator": None})
