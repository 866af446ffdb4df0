"""Left: a symmetric 5-nearest-neighbour graph on two moons. Right: PageRank power iteration converging at rate d."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import make_moons

# k-NN graph, built as in the lesson: leave each point out of its own list, then take the union.
X, y = make_moons(n_samples=120, noise=0.07, random_state=0)
k = 5
D = ((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=-1)
np.fill_diagonal(D, np.inf)
nearest = np.argsort(D, axis=1)[:, :k]
A = np.zeros((len(X), len(X)), dtype=int)
A[np.arange(len(X))[:, None], nearest] = 1
A = np.maximum(A, A.T)
crossing = sum(1 for i, j in zip(*np.nonzero(np.triu(A))) if y[i] != y[j])

# PageRank by power iteration on a random directed graph with dangling nodes.
rng = np.random.default_rng(0)
n = 50
links = (rng.random((n, n)) < 0.06) & ~np.eye(n, dtype=bool)
out_degree = links.sum(axis=1)


def step(r, d):
    new = np.full(n, (1 - d) / n + d * r[out_degree == 0].sum() / n)
    for u in np.flatnonzero(out_degree):
        new[links[u]] += d * r[u] / out_degree[u]
    return new


fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
for i, j in zip(*np.nonzero(np.triu(A))):
    left.plot(X[[i, j], 0], X[[i, j], 1], color="red" if y[i] != y[j] else "grey", lw=0.8 if y[i] == y[j] else 1.6,
              zorder=1)
left.scatter(X[:, 0], X[:, 1], c=np.where(y == 0, "tab:blue", "tab:orange"), s=18, edgecolor="black", lw=0.4, zorder=2)
left.set_title(f"symmetric {k}-NN graph: {int(np.triu(A).sum())} edges, {crossing} between the moons", fontsize=9)
left.set_xticks([])
left.set_yticks([])

for d, colour in ((0.5, "tab:green"), (0.85, "tab:blue"), (0.95, "tab:purple")):
    r = np.full(n, 1 / n)
    exact = r
    for _ in range(3000):
        exact = step(exact, d)
    errors = []
    for _ in range(120):
        errors.append(np.abs(r - exact).sum())
        r = step(r, d)
    right.semilogy(errors, color=colour, label=f"d = {d}")
    right.semilogy(np.arange(120), errors[0] * d ** np.arange(120.0), color=colour, ls=":", lw=1)
right.set_ylim(1e-16, 2)
right.set_xlabel("power-iteration step")
right.set_ylabel("L1 distance to the PageRank vector")
right.set_title("PageRank: the error falls at least as fast as the bound d^k (dotted)", fontsize=9)
right.legend(fontsize=9)
fig.tight_layout()
fig.savefig("knn-and-pagerank.svg", metadata={"Date": None, "Creator": None})
