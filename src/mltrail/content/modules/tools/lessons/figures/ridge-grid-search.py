"""GridSearchCV over Ridge's alpha on the diabetes data: training and 3-fold validation R^2."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

X, y = load_diabetes(return_X_y=True)
alphas = np.logspace(-2, 4, 25)
search = GridSearchCV(make_pipeline(StandardScaler(), Ridge()), {"ridge__alpha": alphas}, cv=3,
                      return_train_score=True).fit(X, y)
results = search.cv_results_
best = search.best_params_["ridge__alpha"]

fig, ax = plt.subplots(figsize=(7.5, 4.2))
ax.plot(alphas, results["mean_train_score"], "o-", ms=3, color="tab:gray", label="training folds (mean R²)")
ax.plot(alphas, results["mean_test_score"], "o-", ms=3, color="tab:blue", label="held-out fold (mean R² over 3 folds)")
low = results["mean_test_score"] - results["std_test_score"]
high = results["mean_test_score"] + results["std_test_score"]
ax.fill_between(alphas, low, high, color="tab:blue", alpha=0.15, label="± one standard deviation over folds")
ax.axvline(best, color="tab:red", ls="--", lw=1)
ax.annotate(f"best alpha = {best:.3g}\nmean R² = {search.best_score_:.3f}", (best, search.best_score_),
            xytext=(-125, -55), textcoords="offset points", color="tab:red", fontsize=9)
ax.set_xscale("log")
ax.set_xlabel("alpha (ridge penalty, log scale)")
ax.set_ylabel("R²")
ax.set_title("StandardScaler + Ridge on the diabetes data, GridSearchCV(cv=3)")
ax.legend(loc="lower left", frameon=False, fontsize=9)
ax.grid(True, color="0.93")
fig.tight_layout()
fig.savefig("ridge-grid-search.svg", metadata={"Date": None, "Creator": None})
