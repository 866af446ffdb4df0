"""k-means on the petals of the iris flowers: Lloyd's iterations, then inertia and silhouette against k."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_iris
from sklearn.metrics import silhouette_score

X = load_iris().data[:, 2:4]  # petal length, petal width (cm)


def assign(C):
    return ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2).argmin(axis=1)


def lloyd(C, iterations):
    path = [C.copy()]
    for _ in range(iterations):
        labels = assign(C)
        C = np.array([X[labels == j].mean(axis=0) if (labels == j).any() else C[j] for j in range(len(C))])
        path.append(C.copy())
    return C, assign(C), path


def kmeans_plus_plus(k, rng):
    chosen = [int(rng.uniform() * len(X))]
    D = ((X - X[chosen[0]]) ** 2).sum(axis=1)
    for _ in range(k - 1):
        i = int(np.searchsorted(np.cumsum(D), rng.uniform() * D.sum()))
        chosen.append(i)
        D = np.minimum(D, ((X - X[i]) ** 2).sum(axis=1))
    return X[chosen].astype(float)


fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.6))

C, labels, path = lloyd(X[[10, 60, 110]].astype(float), 8)
colors = np.array(["tab:blue", "tab:orange", "tab:green"])
left.scatter(X[:, 0], X[:, 1], c=colors[labels], s=14, alpha=0.6)
path = np.array(path)  # iterations x k x 2
for j in range(3):
    left.plot(path[:, j, 0], path[:, j, 1], "-", color="black", lw=1)
    left.plot(path[0, j, 0], path[0, j, 1], "s", mfc="white", mec="black", ms=7)
    left.plot(path[-1, j, 0], path[-1, j, 1], "X", color="black", ms=10)
left.set_xlabel("petal length (cm)")
left.set_ylabel("petal width (cm)")
left.set_title("Lloyd's algorithm from rows 10, 60, 110\n(squares: start, crosses: after 8 iterations)")

ks = range(1, 9)
inertias, silhouettes = [], []
for k in ks:
    rng = np.random.default_rng(0)
    best = None
    for _ in range(10):
        Ck, lk, _ = lloyd(kmeans_plus_plus(k, rng), 100)
        inertia = float(((X - Ck[lk]) ** 2).sum())
        if best is None or inertia < best[0]:
            best = (inertia, lk)
    inertias.append(best[0])
    silhouettes.append(silhouette_score(X, best[1]) if k > 1 else np.nan)
right.plot(list(ks), inertias, "o-", color="tab:blue")
right.set_xlabel("number of clusters k")
right.set_ylabel("inertia (sum of squared distances)", color="tab:blue")
right.set_title("Choosing k: the elbow and the silhouette")
twin = right.twinx()
twin.plot(list(ks), silhouettes, "s--", color="tab:red")
twin.set_ylabel("mean silhouette", color="tab:red")
twin.set_ylim(0.4, 0.85)
right.grid(True, color="0.93")
fig.tight_layout()
fig.savefig("kmeans-iris.svg", metadata={"Date": None, "Creator": None})
