"""Polynomials of growing degree fitted to 20 patients of load_diabetes (target against body mass
index): the fits, and the training, validation and test errors by degree."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_diabetes

diabetes = load_diabetes()
bmi = diabetes.data[:, diabetes.feature_names.index("bmi")]
x = (bmi - bmi.min()) / (bmi.max() - bmi.min()) * 2 - 1  # body mass index rescaled to [-1, 1]
y = diabetes.target
perm = np.random.default_rng(0).permutation(len(y))
train, val, test = perm[:20], perm[20:120], perm[120:]


def fit(degree):
    V = np.vander(x[train], degree + 1, increasing=True)
    return np.linalg.lstsq(V, y[train], rcond=None)[0]


def mse(w, rows):
    return float(np.mean((np.vander(x[rows], len(w), increasing=True) @ w - y[rows]) ** 2))


degrees = np.arange(0, 11)
errors = {name: [mse(fit(d), rows) for d in degrees] for name, rows in (("training", train), ("validation", val), ("test", test))}

fig, axes = plt.subplots(1, 2, figsize=(10.5, 4))
ax = axes[0]
ax.scatter(x[val], y[val], s=8, color="0.75", label="validation patients")
ax.scatter(x[train], y[train], s=22, color="black", label="20 training patients")
grid = np.linspace(-1, 1, 400)
for degree, color in [(1, "tab:green"), (3, "tab:blue"), (8, "tab:red")]:
    ax.plot(grid, np.vander(grid, degree + 1, increasing=True) @ fit(degree), color=color, label=f"degree {degree}")
ax.set_ylim(0, 380)
ax.set_xlabel("body mass index (rescaled to [-1, 1])")
ax.set_ylabel("disease progression after a year")
ax.set_title("The same 20 points, three polynomials", fontsize=10)
ax.legend(fontsize=8, loc="upper left")

ax = axes[1]
styles = {"training": ("black", "o"), "validation": ("tab:orange", "s"), "test": ("tab:purple", "^")}
for name, values in errors.items():
    color, marker = styles[name]
    ax.semilogy(degrees, values, color=color, marker=marker, label=f"{name} error")
best = int(np.argmin(errors["validation"]))
ax.axvline(best, color="tab:orange", ls=":", lw=1)
ax.text(best + 0.2, 2e7, f"least validation\nerror: degree {best}", fontsize=8, color="tab:orange")
ax.set_xlabel("polynomial degree (model complexity)")
ax.set_ylabel("mean squared error (log scale)")
ax.set_title("Training error falls, validation and test errors turn up", fontsize=10)
ax.legend(fontsize=8, loc="upper left")

fig.tight_layout()
fig.savefig("overfitting.svg", metadata={"Date": None, "Creator": None})
