"""Train and validation loss of the same two-layer network trained with and without dropout on 60 noisy points."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)


def make(n):
    X = rng.uniform(-1, 1, size=(n, 2))
    y = (X[:, 0] * X[:, 1] > 0).astype(int)          # an XOR pattern
    flip = rng.random(n) < 0.10                      # with 10 % of the labels wrong
    return X, np.where(flip, 1 - y, y)


X_train, y_train = make(60)
X_val, y_val = make(1000)


def cross_entropy(Z, y):
    Z = Z - Z.max(axis=1, keepdims=True)
    return float(np.mean(np.log(np.exp(Z).sum(axis=1)) - Z[np.arange(len(y)), y]))


def train(p_drop, epochs=3000, hidden=100, lr=0.001, seed=1):
    r = np.random.default_rng(seed)
    W1 = r.normal(0, np.sqrt(2 / 2), size=(2, hidden)); b1 = np.zeros(hidden)
    W2 = r.normal(0, np.sqrt(2 / hidden), size=(hidden, 2)); b2 = np.zeros(2)
    params = [W1, b1, W2, b2]
    m = [np.zeros_like(q) for q in params]; v = [np.zeros_like(q) for q in params]
    history = []
    n = len(y_train)
    for t in range(1, epochs + 1):
        A = X_train @ W1 + b1
        H = np.maximum(A, 0)
        mask = (r.random(H.shape) >= p_drop) / (1 - p_drop)   # inverted dropout, training only
        Hd = H * mask
        Z = Hd @ W2 + b2
        P = np.exp(Z - Z.max(axis=1, keepdims=True)); P /= P.sum(axis=1, keepdims=True)
        G = P.copy(); G[np.arange(n), y_train] -= 1; G /= n
        dA = (G @ W2.T) * mask * (A > 0)
        grads = [X_train.T @ dA, dA.sum(0), Hd.T @ G, G.sum(0)]
        for q, g, mq, vq in zip(params, grads, m, v):      # Adam
            mq *= 0.9; mq += 0.1 * g
            vq *= 0.999; vq += 0.001 * g * g
            q -= lr * (mq / (1 - 0.9**t)) / (np.sqrt(vq / (1 - 0.999**t)) + 1e-8)
        if t % 25 == 0:                                    # evaluate without dropout
            predict = lambda X: np.maximum(X @ W1 + b1, 0) @ W2 + b2
            history.append((t, cross_entropy(predict(X_train), y_train), cross_entropy(predict(X_val), y_val)))
    return np.array(history)


fig, ax = plt.subplots(figsize=(7.5, 4.5))
for p_drop, colour, name in ((0.0, "tab:red", "no dropout"), (0.5, "tab:blue", "dropout p = 0.5")):
    h = train(p_drop)
    ax.plot(h[:, 0], h[:, 1], "--", color=colour, lw=1.5, label=f"{name}: training loss")
    ax.plot(h[:, 0], h[:, 2], "-", color=colour, lw=2, label=f"{name}: validation loss")
    best = int(np.argmin(h[:, 2]))
    ax.plot(h[best, 0], h[best, 2], "o", color=colour)
ax.set_xlabel("epoch (full-batch Adam, 60 training points)")
ax.set_ylabel("cross-entropy")
ax.set_ylim(0, 1.5)
ax.set_title("Overfitting: the training loss falls, the validation loss turns up")
ax.legend(fontsize=8)
fig.tight_layout()
fig.savefig("dropout-curves.svg", metadata={"Date": None, "Creator": None})
