"""Left: the share of malignant tumours in a 20 % test set of load_breast_cancer over 1000 seeds,
plain shuffled split vs stratified split. Right: test accuracy of the majority-class baseline and
of a nearest-centroid classifier on four bundled data sets."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer, load_digits, load_iris, load_wine
from sklearn.model_selection import train_test_split

cancer = load_breast_cancer()
y = cancer.target  # 0 = malignant (212), 1 = benign (357)
overall = float(np.mean(y == 0))
plain, stratified = [], []
for seed in range(1000):
    _, test = train_test_split(y, test_size=0.2, random_state=seed)
    plain.append(np.mean(test == 0))
    _, test = train_test_split(y, test_size=0.2, random_state=seed, stratify=y)
    stratified.append(np.mean(test == 0))


def nearest_centroid_accuracy(X_train, y_train, X_test, y_test):
    classes = np.unique(y_train)
    centroids = np.array([X_train[y_train == c].mean(axis=0) for c in classes])
    predicted = classes[((X_test[:, None, :] - centroids[None]) ** 2).sum(axis=2).argmin(axis=1)]
    return float(np.mean(predicted == y_test))


names, baseline, model = [], [], []
for name, loader in [("iris", load_iris), ("wine", load_wine), ("breast cancer", load_breast_cancer), ("digits", load_digits)]:
    data = loader()
    X_train, X_test, y_train, y_test = train_test_split(
        data.data, data.target, test_size=0.25, stratify=data.target, random_state=0)
    majority = np.bincount(y_train).argmax()
    names.append(name)
    baseline.append(float(np.mean(y_test == majority)))
    model.append(nearest_centroid_accuracy(X_train, y_train, X_test, y_test))

fig, axes = plt.subplots(1, 2, figsize=(10.5, 4))
ax = axes[0]
bins = (np.arange(27, 58) - 0.5) / 114  # one bin per possible count of malignant test rows
counts, _, _ = ax.hist(plain, bins=bins, color="tab:red", alpha=0.6, label="shuffled split")
top = 1.35 * counts.max()
ax.bar(42 / 114, top, width=1 / 114, color="tab:blue", alpha=0.8,
       label="stratified split (all 1000 seeds, bar cut off)")
ax.set_ylim(0, top)
ax.axvline(overall, color="black", ls="--", lw=1, label=f"whole data set: {overall:.3f}")
ax.set_xlabel("share of malignant tumours in a test set of 114 rows")
ax.set_ylabel("number of seeds (of 1000)")
ax.set_title("Stratifying keeps the class share of the test set fixed", fontsize=10)
ax.legend(fontsize=8)

ax = axes[1]
pos = np.arange(len(names))
ax.bar(pos - 0.2, baseline, width=0.4, color="0.6", label="majority-class baseline")
ax.bar(pos + 0.2, model, width=0.4, color="tab:green", label="nearest centroid")
for x, b, m in zip(pos, baseline, model):
    ax.text(x - 0.2, b + 0.015, f"{b:.2f}", ha="center", fontsize=8)
    ax.text(x + 0.2, m + 0.015, f"{m:.2f}", ha="center", fontsize=8)
ax.set_xticks(pos, names)
ax.set_ylim(0, 1.1)
ax.set_ylabel("test accuracy")
ax.set_title("A model is judged against the baseline", fontsize=10)
ax.legend(fontsize=8, loc="upper left")

fig.tight_layout()
fig.savefig("splits-and-baselines.svg", metadata={"Date": None, "Creator": None})
print(names, [round(b, 3) for b in baseline], [round(m, 3) for m in model], min(plain), max(plain), min(stratified), max(stratified))
