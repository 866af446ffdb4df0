"""PCA by the SVD: wine with and without standardising, and the explained variance and 2-D map of the digits."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits, load_wine


def pca(X, k):
    """Scores, components and explained variance ratios of the centred data."""
    Xc = X - X.mean(axis=0)
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)
    for j in range(len(Vt)):  # a fixed sign: the largest entry of each component positive
        if Vt[j, np.argmax(np.abs(Vt[j]))] < 0:
            U[:, j], Vt[j] = -U[:, j], -Vt[j]
    ratio = s ** 2 / (s ** 2).sum()
    return U[:, :k] * s[:k], Vt[:k], ratio


wine = load_wine()
fig, axes = plt.subplots(2, 2, figsize=(10.5, 8.5))
colors = np.array(["tab:blue", "tab:orange", "tab:green"])
for ax, standardise in ((axes[0, 0], False), (axes[0, 1], True)):
    X = wine.data
    if standardise:
        X = (X - X.mean(axis=0)) / X.std(axis=0)
    scores, _, ratio = pca(X, 2)
    for c in range(3):
        ax.scatter(scores[wine.target == c, 0], scores[wine.target == c, 1], s=12, color=colors[c],
                   label=f"cultivar {c}")
    what = "standardised features" if standardise else "raw features (proline dominates)"
    ax.set_title(f"Wine, {what}\nPC1 {100 * ratio[0]:.1f}%, PC2 {100 * ratio[1]:.1f}% of the variance")
    ax.set_xlabel("PC1 score")
    ax.set_ylabel("PC2 score")
    ax.legend(fontsize=8)

digits = load_digits()
scores, _, ratio = pca(digits.data, 2)
cumulative = np.cumsum(ratio)
ax = axes[1, 0]
ax.plot(np.arange(1, 65), cumulative, ".-", color="tab:blue")
for q in (0.8, 0.9):
    m = int(np.searchsorted(cumulative, q)) + 1
    ax.axhline(q, color="0.6", ls=":", lw=1)
    ax.plot(m, cumulative[m - 1], "o", color="tab:red")
    ax.annotate(f"{m} components: {100 * q:.0f}%", (m, cumulative[m - 1]), textcoords="offset points",
                xytext=(8, -14), fontsize=9)
ax.set_xlabel("number of components")
ax.set_ylabel("cumulative explained variance ratio")
ax.set_title("Digits (64 pixels): how many components?")
ax.set_ylim(0, 1.02)
ax.grid(True, color="0.93")

ax = axes[1, 1]
cmap = plt.get_cmap("tab10")
for digit in range(10):
    mask = digits.target == digit
    ax.scatter(scores[mask, 0], scores[mask, 1], s=5, color=cmap(digit), alpha=0.6)
    centre = np.median(scores[mask], axis=0)
    ax.text(centre[0], centre[1], str(digit), fontsize=13, weight="bold", ha="center", va="center")
ax.set_title(f"Digits projected on 2 components ({100 * cumulative[1]:.0f}% of the variance)")
ax.set_xlabel("PC1 score")
ax.set_ylabel("PC2 score")
fig.tight_layout()
fig.savefig("pca-wine-digits.svg", metadata={"Date": None, "Creator": None})
