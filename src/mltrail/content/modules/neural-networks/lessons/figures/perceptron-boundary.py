"""A perceptron trained on two separable clouds: its boundary after each epoch until no mistakes remain."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(3)
X = np.vstack([rng.normal((2.0, 2.0), 0.8, size=(20, 2)), rng.normal((-1.0, -0.5), 0.8, size=(20, 2))])
y = np.array([1] * 20 + [-1] * 20)


def epoch(X, y, w, b, lr=1.0):
    mistakes = 0
    for x_i, y_i in zip(X, y):
        if y_i * (x_i @ w + b) <= 0:
            w, b, mistakes = w + lr * y_i * x_i, b + lr * y_i, mistakes + 1
    return w, b, mistakes


w, b = np.zeros(2), 0.0
history = []
for _ in range(20):
    w, b, mistakes = epoch(X, y, w, b)
    history.append((w.copy(), b, mistakes))
    if mistakes == 0:
        break

fig, ax = plt.subplots(figsize=(6.4, 5.4))
xs = np.linspace(-4, 5, 2)
for k, (wk, bk, m) in enumerate(history):
    last = k == len(history) - 1
    ys = -(wk[0] * xs + bk) / wk[1]
    ax.plot(xs, ys, color="black" if last else "0.6", lw=2 if last else 1, ls="-" if last else "--",
            label=f"after epoch {k + 1}: {m} mistakes" if (last or k == 0) else None)
ax.scatter(*X[y == 1].T, marker="o", color="tab:blue", label="y = +1")
ax.scatter(*X[y == -1].T, marker="s", color="tab:orange", label="y = -1")
wk, bk, _ = history[-1]
ax.annotate("", xy=(0.6 + wk[0] / np.linalg.norm(wk), 0.8 + wk[1] / np.linalg.norm(wk)), xytext=(0.6, 0.8),
            arrowprops=dict(arrowstyle="->", color="black"))
ax.text(0.75 + wk[0] / np.linalg.norm(wk), 0.8 + wk[1] / np.linalg.norm(wk), "w", fontsize=11)
ax.set_xlim(-4, 5)
ax.set_ylim(-4, 5)
ax.set_aspect("equal")
ax.set_xlabel("x1")
ax.set_ylabel("x2")
ax.set_title("Perceptron boundary w · x + b = 0, epoch by epoch")
ax.legend(loc="lower right", fontsize=8)
fig.tight_layout()
fig.savefig("perceptron-boundary.svg", metadata={"Date": None, "Creator": None})
