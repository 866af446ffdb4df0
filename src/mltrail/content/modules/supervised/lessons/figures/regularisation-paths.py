"""Ridge and lasso weights of the ten standardised diabetes features as the penalty alpha grows."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, Ridge

data = load_diabetes()
X = (data.data - data.data.mean(axis=0)) / data.data.std(axis=0)
y = data.target
names = data.feature_names

ridge_alphas = np.logspace(-2, 5, 60)
lasso_alphas = np.logspace(-2, 1.7, 60)
ridge = np.array([Ridge(alpha=a).fit(X, y).coef_ for a in ridge_alphas])
lasso = np.array([Lasso(alpha=a, max_iter=100_000, tol=1e-10).fit(X, y).coef_ for a in lasso_alphas])

fig, axes = plt.subplots(1, 2, figsize=(11, 4.4), sharey=True)
colors = plt.cm.tab10(np.arange(10))
for ax, alphas, paths, title in [
    (axes[0], ridge_alphas, ridge, "Ridge: every weight shrinks smoothly"),
    (axes[1], lasso_alphas, lasso, "Lasso: weights reach exactly 0, one by one"),
]:
    for j in range(10):
        ax.plot(alphas, paths[:, j], color=colors[j], lw=1.6)
        ax.text(alphas[0] * 0.8, paths[0, j], names[j], ha="right", va="center", fontsize=8, color=colors[j])
    ax.axhline(0.0, color="0.6", lw=0.8)
    ax.set_xscale("log")
    ax.set_xlim(alphas[0] * 0.15, alphas[-1])
    ax.set_xlabel("penalty alpha (log scale)")
    ax.set_title(title, fontsize=11)
axes[0].set_ylabel("weight of the standardised feature")
fig.suptitle("Diabetes progression from 10 standardised features: the weights as alpha grows", fontsize=11)
fig.tight_layout()
fig.savefig("regularisation-paths.svg", metadata={"Date": None, "Creator": None})
