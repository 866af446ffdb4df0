"""The determinant as an area: the unit square and its image under A and under S."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

from matplotlib.patches import Polygon

square = np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=float).T  # corners as columns
A = np.array([[2.0, 1.0], [1.0, 3.0]])  # det A = 2*3 - 1*1 = 5
S = np.array([[1.0, 2.0], [2.0, 4.0]])  # det S = 1*4 - 2*2 = 0

fig, axes = plt.subplots(1, 2, figsize=(10, 5))
for ax, M, name in [(axes[0], A, "A = [[2, 1], [1, 3]]"), (axes[1], S, "S = [[1, 2], [2, 4]]")]:
    ax.add_patch(Polygon(square.T, closed=True, color="0.8", label="unit square, area 1"))
    image = M @ square
    det = M[0, 0] * M[1, 1] - M[0, 1] * M[1, 0]
    ax.add_patch(Polygon(image.T, closed=True, fill=False, ec="tab:blue", lw=2.5,
                         label=f"its image, area |det| = {abs(det):g}"))
    for col, color in [(0, "tab:blue"), (1, "tab:red")]:
        ax.annotate("", xy=M[:, col], xytext=(0, 0), arrowprops=dict(arrowstyle="-|>", color=color, lw=2))
    ax.set_title(f"{name}: det = {det:g}")
    ax.set_aspect("equal")
    ax.set_xlim(-0.5, 5)
    ax.set_ylim(-0.5, 6.5)
    ax.grid(True, color="0.93")
    ax.legend(loc="upper left")
fig.tight_layout()
fig.savefig("determinant-as-area.svg", metadata={"Date": None, "Creator": None})
