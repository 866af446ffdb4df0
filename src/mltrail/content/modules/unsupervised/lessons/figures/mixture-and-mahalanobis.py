"""A Gaussian mixture fitted by EM to the iris petals, and Mahalanobis distance against z-scores on two wine features."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np
from scipy.special import logsumexp
from sklearn.datasets import load_iris, load_wine


def log_gauss(X, mean, cov):
    L = np.linalg.cholesky(cov)
    y = np.linalg.solve(L, (X - mean).T)
    return -0.5 * (X.shape[1] * np.log(2 * np.pi) + 2 * np.log(np.diag(L)).sum() + (y ** 2).sum(axis=0))


def ellipse(mean, cov, radius):
    """Points at Mahalanobis distance `radius` from mean."""
    t = np.linspace(0, 2 * np.pi, 200)
    return mean + radius * (np.linalg.cholesky(cov) @ np.vstack([np.cos(t), np.sin(t)])).T


X = load_iris().data[:, 2:4]
w, means, covs = np.full(3, 1 / 3), X[[10, 60, 110]].astype(float), np.array([np.eye(2) * 0.5] * 3)
for _ in range(100):
    logp = np.column_stack([np.log(w[j]) + log_gauss(X, means[j], covs[j]) for j in range(3)])
    R = np.exp(logp - logsumexp(logp, axis=1)[:, None])
    Nk = R.sum(axis=0)
    w, means = Nk / len(X), (R.T @ X) / Nk[:, None]
    covs = np.array([(R[:, j, None] * (X - means[j])).T @ (X - means[j]) / Nk[j] for j in range(3)])
logp = np.column_stack([np.log(w[j]) + log_gauss(X, means[j], covs[j]) for j in range(3)])
R = np.exp(logp - logsumexp(logp, axis=1)[:, None])

fig, (left, right) = plt.subplots(1, 2, figsize=(11.5, 4.8))
base = np.array([[0.12, 0.47, 0.71], [1.0, 0.5, 0.05], [0.17, 0.63, 0.17]])  # blue, orange, green
rng = np.random.default_rng(0)
jitter = rng.uniform(-0.03, 0.03, size=X.shape)  # iris petals are measured to 0.1 cm: many repeats
left.scatter(X[:, 0] + jitter[:, 0], X[:, 1] + jitter[:, 1], c=np.clip(R @ base, 0, 1), s=16, edgecolors="none")
for j in range(3):
    for radius, style in ((1, "-"), (2, "--")):
        e = ellipse(means[j], covs[j], radius)
        left.plot(e[:, 0], e[:, 1], style, color=base[j], lw=1.2)
    left.annotate(f"weight {w[j]:.2f}", means[j], textcoords="offset points", xytext=(-75, 18), fontsize=8)
left.set_xlabel("petal length (cm)")
left.set_ylabel("petal width (cm)")
left.set_title("Gaussian mixture fitted by EM (k = 3)\nellipses at Mahalanobis distance 1 and 2; colour mixes responsibilities")

wine = load_wine()
cols = [wine.feature_names.index("total_phenols"), wine.feature_names.index("flavanoids")]
A = wine.data[:, cols]
mu, C = A.mean(axis=0), np.cov(A.T)
sd = A.std(axis=0, ddof=1)
D = np.sqrt(np.einsum("ij,jk,ik->i", A - mu, np.linalg.inv(C), A - mu))
threshold = 3.0349  # sqrt of the 99% quantile of chi-squared with 2 degrees of freedom
right.scatter(A[:, 0], A[:, 1], s=12, color="0.55")
for radius in (1, 2, threshold):
    e = ellipse(mu, C, radius)
    right.plot(e[:, 0], e[:, 1], "-", color="tab:red" if radius == threshold else "tab:purple", lw=1.2)
box = np.array([[-3, -3], [3, -3], [3, 3], [-3, 3], [-3, -3]]) * sd + mu
right.plot(box[:, 0], box[:, 1], ":", color="black", lw=1)
for row in (74, 121, 158):
    right.scatter(*A[row], s=60, facecolors="none", edgecolors="tab:red", lw=1.5)
    right.annotate(f"row {row}: d = {D[row]:.2f}", A[row], textcoords="offset points", xytext=(8, -4), fontsize=8)
right.set_xlabel("total phenols")
right.set_ylabel("flavanoids")
right.set_title("Wine: Mahalanobis ellipses d = 1, 2 and 3.03 (red)\ndotted box: every z-score within 3")
fig.tight_layout()
fig.savefig("mixture-and-mahalanobis.svg", metadata={"Date": None, "Creator": None})
