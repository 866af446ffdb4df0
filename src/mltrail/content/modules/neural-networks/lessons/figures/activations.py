"""ReLU, leaky ReLU, sigmoid and tanh (left) and their derivatives (right), as backpropagation uses them."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

z = np.linspace(-5, 5, 401)
sigmoid = 1 / (1 + np.exp(-z))
functions = {
    "ReLU": (np.maximum(z, 0), np.where(z > 0, 1.0, 0.0)),
    "leaky ReLU (0.1, for visibility)": (np.where(z > 0, z, 0.1 * z), np.where(z > 0, 1.0, 0.1)),
    "sigmoid": (sigmoid, sigmoid * (1 - sigmoid)),
    "tanh": (np.tanh(z), 1 - np.tanh(z) ** 2),
}
styles = ["-", ":", "--", "-."]

fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4.2))
for (name, (f, df)), style in zip(functions.items(), styles):
    left.plot(z, f, style, lw=2, label=name)
    right.plot(z, df, style, lw=2, label=name)
left.set_ylim(-1.5, 3)
left.set_title("activation f(z)")
right.set_title("derivative f'(z), the factor backpropagation uses")
right.axhline(0.25, color="0.6", lw=0.8)
right.text(-4.9, 0.28, "sigmoid' ≤ 0.25", fontsize=8, color="0.4")
for ax in (left, right):
    ax.axhline(0, color="0.8", lw=0.8)
    ax.axvline(0, color="0.8", lw=0.8)
    ax.set_xlabel("pre-activation z")
right.set_ylim(-0.1, 1.15)
left.legend(fontsize=8, loc="upper left")
fig.tight_layout()
fig.savefig("activations.svg", metadata={"Date": None, "Creator": None})
