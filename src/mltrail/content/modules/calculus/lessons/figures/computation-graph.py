"""The computation graph of P = XW + b and a squared loss: values forward, gradients backward."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

# The lesson's example, to print its numbers on the graph.
X = np.array([[1.0, 2.0], [0.0, 1.0]])
W = np.array([[1.0], [0.0]])
b = np.array([0.0])
Y = np.array([[0.0], [1.0]])
P = X @ W + b
G = 2 / X.shape[0] * (P - Y)
dW, db = X.T @ G, G.sum(axis=0)

nodes = {  # name: (x, y, label)
    "X": (0, 3, f"X\n{X.tolist()}"), "W": (0, 1, f"W\n{W.ravel().tolist()}ᵀ"),
    "XW": (3, 2, "XW\n(matrix product)"), "b": (3, 0, f"b\n{b.tolist()}"),
    "P": (6, 2, f"P = XW + b\n{P.ravel().tolist()}ᵀ"), "Y": (7.5, 0, f"Y\n{Y.ravel().tolist()}ᵀ"),
    "L": (9, 2, "L = mean of\n(P - Y)²"),
}
forward = [("X", "XW"), ("W", "XW"), ("XW", "P"), ("b", "P"), ("P", "L"), ("Y", "L")]
backward = [  # (from, to, label, where the label goes, bend of the arrow)
    ("L", "P", f"G = 2/n (P - Y) = {G.ravel().tolist()}ᵀ", (7.5, 2.75), 0.35),
    ("P", "XW", "G (a sum passes it on unchanged)", (4.5, 2.75), 0.35),
    ("P", "b", f"∂L/∂b = Σᵢ Gᵢ = {db.tolist()}", (6.2, 0.85), -0.35),
    ("XW", "W", f"∂L/∂W = XᵀG = {dW.ravel().tolist()}ᵀ", (1.9, 0.55), -0.35),
    ("XW", "X", "∂L/∂X = GWᵀ", (1.6, 3.3), 0.35),
]

fig, ax = plt.subplots(figsize=(10, 4.8))
for name, (x, y, label) in nodes.items():
    ax.text(x, y, label, ha="center", va="center", fontsize=9,
            bbox=dict(boxstyle="round,pad=0.4", fc="white", ec="black"))
for a, c in forward:
    ax.annotate("", xy=nodes[c][:2], xytext=nodes[a][:2],
                arrowprops=dict(arrowstyle="-|>", color="black", shrinkA=28, shrinkB=28))
for a, c, label, (lx, ly), bend in backward:
    ax.annotate("", xy=nodes[c][:2], xytext=nodes[a][:2], arrowprops=dict(
        arrowstyle="-|>", color="tab:red", lw=1.5, shrinkA=28, shrinkB=28, connectionstyle=f"arc3,rad={bend}"))
    ax.text(lx, ly, label, color="tab:red", ha="center", va="center", fontsize=8.5)
ax.plot([], [], color="black", label="forward pass: values")
ax.plot([], [], color="tab:red", label="backward pass: gradients of L")
ax.legend(loc="upper right", fontsize=9)
ax.set_xlim(-1, 10.2)
ax.set_ylim(-0.8, 3.8)
ax.axis("off")
fig.tight_layout()
fig.savefig("computation-graph.svg", metadata={"Date": None, "Creator": None})
