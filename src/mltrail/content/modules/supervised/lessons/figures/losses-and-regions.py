"""Left: the 0-1, logistic and hinge losses against the margin. Right: softmax regression's regions on penguins."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
import palmerpenguins
from matplotlib.colors import ListedColormap
from sklearn.linear_model import LogisticRegression

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4))

m = np.linspace(-2.5, 3.0, 500)
left.plot(m, (m <= 0).astype(float), color="0.3", lw=2, label="0-1 loss: 1 if wrong")
left.plot(m, np.logaddexp(0, -m) / np.log(2), color="tab:blue", lw=2, label="logistic: log2(1 + e^(-m))")
left.plot(m, np.maximum(0, 1 - m), color="tab:red", lw=2, label="hinge: max(0, 1 - m)")
left.axvline(0, color="0.7", lw=0.8)
left.axvline(1, color="tab:red", lw=0.8, ls=":")
left.text(1.05, 2.6, "margin 1:\nthe hinge is 0\nfrom here on", color="tab:red", fontsize=8, va="top")
left.set_xlabel("margin m = y f(x)  (labels -1 and +1)")
left.set_ylabel("loss of one example")
left.set_ylim(-0.1, 3.6)
left.legend(fontsize=8, loc="upper right")
left.set_title("Losses for classification", fontsize=11)

penguins = palmerpenguins.load_penguins().dropna()
X = penguins[["bill_length_mm", "flipper_length_mm"]].to_numpy()
species = np.array(["Adelie", "Chinstrap", "Gentoo"])
y = np.searchsorted(species, penguins["species"].to_numpy())
mean, std = X.mean(axis=0), X.std(axis=0)
model = LogisticRegression(C=10.0).fit((X - mean) / std, y)
gx, gy = np.meshgrid(np.linspace(30, 62, 300), np.linspace(168, 235, 300))
grid = (np.column_stack([gx.ravel(), gy.ravel()]) - mean) / std
proba = model.predict_proba(grid)
colors = ["tab:orange", "tab:purple", "tab:green"]
right.contourf(gx, gy, proba.argmax(axis=1).reshape(gx.shape), levels=[-0.5, 0.5, 1.5, 2.5],
               cmap=ListedColormap(colors), alpha=0.18)
right.contour(gx, gy, proba.max(axis=1).reshape(gx.shape), levels=[0.5, 0.9], colors="0.4", linewidths=0.7,
              linestyles=[":", "--"])
for k, name in enumerate(species):
    right.scatter(X[y == k, 0], X[y == k, 1], s=12, color=colors[k], label=name, edgecolor="white", linewidth=0.3)
right.set_xlabel("bill length (mm)")
right.set_ylabel("flipper length (mm)")
right.legend(fontsize=8, loc="upper left")
right.set_title("Softmax regression on penguins: straight boundaries", fontsize=11)
right.text(61.5, 170, "dashed: top probability 0.9\ndotted: 0.5", ha="right", fontsize=8, color="0.3")
fig.tight_layout()
fig.savefig("losses-and-regions.svg", metadata={"Date": None, "Creator": None})
