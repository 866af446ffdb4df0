"""Cross-validated accuracy on pure noise: feature selection before the split leaks, inside the pipeline it does not."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.feature_selection import SelectKBest, f_classif
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import cross_val_score
from sklearn.pipeline import make_pipeline

leaky, honest = [], []
for seed in range(20):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(100, 2000))
    y = rng.integers(0, 2, size=100)  # labels unrelated to X: nothing to learn
    X_selected = SelectKBest(f_classif, k=20).fit_transform(X, y)  # uses every label
    leaky.append(cross_val_score(LogisticRegression(), X_selected, y, cv=5).mean())
    pipe = make_pipeline(SelectKBest(f_classif, k=20), LogisticRegression())
    honest.append(cross_val_score(pipe, X, y, cv=5).mean())

fig, ax = plt.subplots(figsize=(6.5, 4))
jitter = np.random.default_rng(0).uniform(-0.08, 0.08, size=20)
ax.scatter(0 + jitter, leaky, color="tab:red", label="selected on all rows, then cross-validated")
ax.scatter(1 + jitter, honest, color="tab:green", label="selection inside the pipeline")
for x, values in [(0, leaky), (1, honest)]:
    ax.hlines(np.mean(values), x - 0.2, x + 0.2, color="black", lw=2)
    ax.annotate(f"mean {np.mean(values):.2f}", (x + 0.22, np.mean(values)), va="center")
ax.axhline(0.5, color="0.5", ls="--", lw=1, label="chance: 0.5")
ax.set_xticks([0, 1], ["leaky", "leakage-free"])
ax.set_xlim(-0.5, 1.8)
ax.set_ylim(0.2, 1.0)
ax.set_ylabel("5-fold cross-validated accuracy")
ax.set_title("Random labels, 2000 noise features, 20 data sets")
ax.legend(loc="lower left", fontsize=8)
fig.tight_layout()
fig.savefig("leaky-selection.svg", metadata={"Date": None, "Creator": None})
