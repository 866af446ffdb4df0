"""SGD, momentum and Adam on a narrow quadratic valley f(w) = 0.5 (w1^2 + 25 w2^2): paths and loss curves."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

a = np.array([1.0, 25.0])  # curvatures: the valley is 5 times narrower across than along
start = np.array([-4.0, 1.5])
steps = 60


def loss(w):
    return 0.5 * float(np.sum(a * w**2))


def run(update):
    w, state, path = start.copy(), {}, [start.copy()]
    for t in range(1, steps + 1):
        w = update(w, a * w, state, t)
        path.append(w.copy())
    return np.array(path)


def sgd(w, g, state, t, lr=0.07):
    return w - lr * g


def momentum(w, g, state, t, lr=0.02, beta=0.8):
    state["v"] = beta * state.get("v", 0.0) + g
    return w - lr * state["v"]


def adam(w, g, state, t, lr=0.3, b1=0.9, b2=0.999, eps=1e-8):
    state["m"] = b1 * state.get("m", 0.0) + (1 - b1) * g
    state["v"] = b2 * state.get("v", 0.0) + (1 - b2) * g**2
    m_hat, v_hat = state["m"] / (1 - b1**t), state["v"] / (1 - b2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps)


runs = {"SGD (lr 0.07)": run(sgd), "momentum (lr 0.02, β 0.8)": run(momentum), "Adam (lr 0.3)": run(adam)}
styles = {"SGD (lr 0.07)": ("tab:blue", "-"), "momentum (lr 0.02, β 0.8)": ("tab:orange", "--"), "Adam (lr 0.3)": ("tab:green", "-.")}

fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2))
g1, g2 = np.meshgrid(np.linspace(-4.5, 1.5, 200), np.linspace(-2, 2, 200))
left.contour(g1, g2, 0.5 * (a[0] * g1**2 + a[1] * g2**2), levels=[0.1, 0.5, 1, 2, 4, 8, 16, 32], colors="0.8", linewidths=0.8)
for name, path in runs.items():
    colour, style = styles[name]
    left.plot(path[:, 0], path[:, 1], style, color=colour, marker=".", markersize=3, lw=1, label=name)
    right.semilogy([loss(w) for w in path], style, color=colour, lw=2, label=name)
left.plot(0, 0, "k*", markersize=10)
left.set_xlabel("w1 (gentle direction)")
left.set_ylabel("w2 (steep direction)")
left.set_title("paths from (-4, 1.5) to the minimum *")
left.legend(fontsize=8, loc="lower right")
right.set_xlabel("step")
right.set_ylabel("loss f(w), log scale")
right.set_title("loss per step")
fig.tight_layout()
fig.savefig("optimisers.svg", metadata={"Date": None, "Creator": None})
