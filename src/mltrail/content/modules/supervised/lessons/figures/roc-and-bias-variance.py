"""Left: ROC curves on the breast cancer test set (malignant positive), smooth scores and tied scores. Right: k-NN regression on diabetes, training and cross-validated error against k."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, roc_curve
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4))

X, y = load_breast_cancer(return_X_y=True)
malignant = 1 - y  # the data set labels malignant 0 and benign 1; make malignant the positive class
X_train, X_test, m_train, m_test = train_test_split(X, malignant, test_size=0.25, random_state=0, stratify=malignant)
models = [
    ("logistic regression", make_pipeline(StandardScaler(), LogisticRegression()), "tab:blue"),
    ("tree of depth 2 (4 distinct scores)", DecisionTreeClassifier(max_depth=2, random_state=0), "tab:red"),
]
for name, model, color in models:
    scores = model.fit(X_train, m_train).predict_proba(X_test)[:, 1]  # P(malignant)
    fpr, tpr, _ = roc_curve(m_test, scores)
    auc = roc_auc_score(m_test, scores)
    left.plot(fpr, tpr, color=color, lw=2, marker="o" if "tree" in name else None, ms=4, label=f"{name}: AUC {auc:.3f}")
left.plot([0, 1], [0, 1], color="0.6", lw=1, ls="--", label="scores that ignore the labels: AUC 0.5")
left.set_xlabel("false positive rate  fp / (fp + tn)")
left.set_ylabel("true positive rate (recall)")
left.set_title("ROC curves on 143 held-out tumours (malignant = positive)", fontsize=10)
left.legend(fontsize=8, loc="lower right")
left.set_aspect("equal")

X, y = load_diabetes(return_X_y=True)
n = len(y)
folds = np.array_split(np.random.default_rng(0).permutation(n), 5)
ks = [1, 2, 3, 5, 8, 12, 20, 30, 50, 80, 120, 200]
train_err, cv_err = [], []
for k in ks:
    tr, cv = [], []
    for test in folds:
        train = np.setdiff1d(np.arange(n), test)
        mean, std = X[train].mean(axis=0), X[train].std(axis=0)  # scaling learnt on the training folds only
        Ztr, Zte = (X[train] - mean) / std, (X[test] - mean) / std
        for Z, target, out in ((Zte, y[test], cv), (Ztr, y[train], tr)):
            D = ((Z[:, None, :] - Ztr[None, :, :]) ** 2).sum(axis=2)
            nearest = np.argsort(D, axis=1, kind="stable")[:, :k]
            out.append(np.mean((y[train][nearest].mean(axis=1) - target) ** 2))
    train_err.append(np.mean(tr))
    cv_err.append(np.mean(cv))
right.plot(ks, train_err, "o-", color="tab:green", ms=4, label="training error")
right.plot(ks, cv_err, "o-", color="tab:purple", ms=4, label="5-fold cross-validated error")
best = int(np.argmin(cv_err))
right.annotate(f"best k = {ks[best]}", (ks[best], cv_err[best]), xytext=(ks[best], cv_err[best] - 1500),
               ha="center", arrowprops={"arrowstyle": "->", "color": "0.3"}, fontsize=9)
right.text(1.2, 5600, "small k:\nhigh variance", fontsize=9, color="0.3")
right.text(110, 1500, "large k:\nhigh bias", fontsize=9, color="0.3")
right.set_xscale("log")
right.set_xlabel("number of neighbours k (log scale)")
right.set_ylabel("mean squared error")
right.set_title("k-NN regression on diabetes progression", fontsize=10)
right.legend(fontsize=8, loc="upper right")
fig.tight_layout()
fig.savefig("roc-and-bias-variance.svg", metadata={"Date": None, "Creator": None})
