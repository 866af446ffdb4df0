"""The three kinds of learning: labelled iris (supervised), the same points without labels
grouped by k-means (unsupervised), and an epsilon-greedy agent on a three-armed bandit (reinforcement)."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.cluster import KMeans
from sklearn.datasets import load_iris

iris = load_iris()
X = iris.data[:, 2:4]  # petal length and width, cm
y = iris.target
colors = np.array(["tab:blue", "tab:orange", "tab:green"])

fig, axes = plt.subplots(1, 3, figsize=(11, 3.8))

# supervised: labelled points and the nearest-centroid regions learned from them
ax = axes[0]
centroids = np.array([X[y == k].mean(axis=0) for k in range(3)])
gx, gy = np.meshgrid(np.linspace(0.5, 7.2, 300), np.linspace(-0.1, 2.7, 200))
grid = np.c_[gx.ravel(), gy.ravel()]
regions = ((grid[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1).reshape(gx.shape)
ax.contourf(gx, gy, regions, levels=[-0.5, 0.5, 1.5, 2.5], colors=["#dbe8f5", "#fde6cf", "#d9f0d9"])
for k, name in enumerate(iris.target_names):
    ax.scatter(*X[y == k].T, s=12, color=colors[k], label=name)
ax.scatter(*centroids.T, marker="X", s=90, color="black", label="class means")
ax.set_title("supervised: labels given,\nlearn to predict them", fontsize=10)
ax.set_xlabel("petal length (cm)")
ax.set_ylabel("petal width (cm)")
ax.legend(fontsize=7, loc="lower right")

# unsupervised: no labels, k-means finds three groups
ax = axes[1]
km = KMeans(n_clusters=3, n_init=10, random_state=0).fit(X)
order = np.argsort(km.cluster_centers_[:, 0])  # colour clusters from left to right
rank = np.empty(3, dtype=int)
rank[order] = np.arange(3)
markers = ["o", "s", "^"]
for j in range(3):
    pts = X[rank[km.labels_] == j]
    ax.scatter(*pts.T, s=14, facecolors="none", edgecolors="0.3", marker=markers[j], label=f"group {j + 1}")
ax.scatter(*km.cluster_centers_.T, marker="X", s=90, color="black", label="group centres")
ax.set_title("unsupervised: no labels,\nfind structure (k-means, 3 groups)", fontsize=10)
ax.set_xlabel("petal length (cm)")
ax.legend(fontsize=7, loc="lower right")

# reinforcement: a three-armed bandit, rewards only for the arm pulled
ax = axes[2]
p = np.array([0.2, 0.5, 0.7])
rng = np.random.default_rng(0)
runs, steps = 300, 300
greedy = np.zeros(steps)
for _ in range(runs):
    counts, values = np.zeros(3), np.zeros(3)
    for t in range(steps):
        arm = int(rng.integers(3)) if rng.random() < 0.1 else int(np.argmax(values))
        reward = float(rng.random() < p[arm])
        counts[arm] += 1
        values[arm] += (reward - values[arm]) / counts[arm]
        greedy[t] += reward
greedy /= runs
window = 15
smooth = np.convolve(greedy, np.ones(window) / window, mode="valid")
ax.plot(np.arange(window, steps + 1), smooth, color="tab:purple", label="epsilon-greedy agent")
ax.axhline(p.mean(), color="0.5", ls="--", label="random arm: 0.47")
ax.axhline(p.max(), color="tab:green", ls=":", label="best arm: 0.7")
ax.set_ylim(0.35, 0.75)
ax.set_title("reinforcement: act, get a reward,\nlearn which actions pay", fontsize=10)
ax.set_xlabel("step")
ax.set_ylabel("average reward (300 runs)")
ax.legend(fontsize=7, loc="lower right")

fig.tight_layout()
fig.savefig("three-kinds.svg", metadata={"Date": None, "Creator": None})
