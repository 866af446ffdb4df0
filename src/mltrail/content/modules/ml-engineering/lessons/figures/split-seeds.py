"""Test accuracy of one model on the breast cancer data for 100 different random splits."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_breast_cancer(return_X_y=True)
scores = []
for seed in range(100):
    X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.25, random_state=seed)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000))
    scores.append(model.fit(X_tr, y_tr).score(X_te, y_te))
scores = np.round(scores, 3)

fig, ax = plt.subplots(figsize=(6.5, 4))
values, counts = np.unique(scores, return_counts=True)
ax.bar(values, counts, width=0.004, color="tab:blue")
ax.axvline(scores[0], color="tab:orange", lw=2, label=f"seed 0: {scores[0]:.3f}")
low, high = np.percentile(scores, [5, 95])
ax.axvspan(low, high, color="0.85", zorder=0, label=f"middle 90 %: {low:.3f} to {high:.3f}")
ax.set_xlabel("test accuracy (143 test rows)")
ax.set_ylabel("number of split seeds")
ax.set_title("Same data, same model, 100 split seeds")
ax.legend(loc="upper left", fontsize=9)
fig.tight_layout()
fig.savefig("split-seeds.svg", metadata={"Date": None, "Creator": None})
