"""Learning curves on load_digits: training and validation accuracy of nearest centroid and of
1-nearest-neighbour against the number of training images (5-fold stratified cross-validation)."""
import warnings

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import StratifiedKFold, learning_curve
from sklearn.neighbors import KNeighborsClassifier, NearestCentroid

warnings.simplefilter("ignore", UserWarning)  # NearestCentroid notes the always-blank border pixels
digits = load_digits()
sizes = np.array([20, 40, 70, 100, 150, 250, 400, 600, 900, 1200, 1437])
cv = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)

fig, ax = plt.subplots(figsize=(6.8, 4.3))
for name, model, color in [("nearest centroid", NearestCentroid(), "tab:green"),
                           ("1-nearest neighbour", KNeighborsClassifier(n_neighbors=1), "tab:blue")]:
    used, train, val = learning_curve(model, digits.data, digits.target, train_sizes=sizes, cv=cv)
    ax.plot(used, train.mean(axis=1), color=color, ls="--", marker=".", label=f"{name}: training")
    ax.plot(used, val.mean(axis=1), color=color, marker="o", label=f"{name}: validation")
ax.set_xscale("log")
ax.set_ylim(0.6, 1.02)
ax.set_xlabel("number of training images (log scale)")
ax.set_ylabel("accuracy (mean of 5 folds)")
ax.set_title("Learning curves on the digits", fontsize=10)
ax.grid(True, color="0.92")
ax.legend(fontsize=8, loc="lower right")
fig.tight_layout()
fig.savefig("learning-curves.svg", metadata={"Date": None, "Creator": None})
