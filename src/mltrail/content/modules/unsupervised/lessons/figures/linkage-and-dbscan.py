"""Palmer penguins' bills: a dendrogram, single against average linkage, and DBSCAN's core, border and noise points."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
import palmerpenguins
from scipy.cluster.hierarchy import dendrogram, linkage
from sklearn.cluster import DBSCAN, AgglomerativeClustering

df = palmerpenguins.load_penguins().dropna(subset=["bill_length_mm", "bill_depth_mm"])
X = df[["bill_length_mm", "bill_depth_mm"]].to_numpy()
Z = (X - X.mean(axis=0)) / X.std(axis=0)  # standardised: both features in the same units

fig, axes = plt.subplots(1, 4, figsize=(16, 4.2))

sample = np.arange(0, len(Z), 17)  # 21 birds spread over the table
dendrogram(linkage(Z[sample], method="average"), ax=axes[0], labels=[str(i) for i in sample],
           color_threshold=1.8, above_threshold_color="0.4")
axes[0].axhline(1.8, color="tab:red", ls="--", lw=1)
axes[0].set_title("Average linkage on 21 penguins:\ncut at height 1.8 gives 3 clusters")
axes[0].set_ylabel("merge distance (standardised units)")
axes[0].tick_params(axis="x", labelsize=7)

palette = np.array(["tab:blue", "tab:orange", "tab:green", "tab:purple"])
for ax, method in ((axes[1], "single"), (axes[2], "average")):
    labels = AgglomerativeClustering(n_clusters=3, linkage=method).fit_predict(Z)
    ax.scatter(Z[:, 0], Z[:, 1], c=palette[labels], s=10)
    sizes = sorted(np.bincount(labels).tolist(), reverse=True)
    ax.set_title(f"{method} linkage, 3 clusters\nsizes {sizes}")
    ax.set_xlabel("bill length (standardised)")
axes[1].set_ylabel("bill depth (standardised)")

model = DBSCAN(eps=0.35, min_samples=10).fit(Z)
labels = model.labels_
core = np.zeros(len(Z), dtype=bool)
core[model.core_sample_indices_] = True
noise = labels == -1
border = ~core & ~noise
ax = axes[3]
ax.scatter(Z[core, 0], Z[core, 1], c=palette[labels[core]], s=14, label="core")
ax.scatter(Z[border, 0], Z[border, 1], facecolors="none", edgecolors=palette[labels[border]], s=22, label="border")
ax.scatter(Z[noise, 0], Z[noise, 1], marker="x", color="black", s=18, label="noise (-1)")
ax.set_title(f"DBSCAN, eps = 0.35, min_samples = 10\n{labels.max() + 1} clusters, {int(noise.sum())} noise points")
ax.set_xlabel("bill length (standardised)")
ax.legend(loc="lower left", fontsize=8)
fig.tight_layout()
fig.savefig("linkage-and-dbscan.svg", metadata={"Date": None, "Creator": None})
