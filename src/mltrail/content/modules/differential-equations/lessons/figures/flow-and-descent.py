"""Gradient flow and gradient descent on f(x) = (x1^2 + 10 x2^2) / 2 from (9, 1.5), with three step sizes."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

lam = np.array([1.0, 10.0])
x0 = np.array([9.0, 1.5])
X1, X2 = np.meshgrid(np.linspace(-10, 10, 200), np.linspace(-3, 3, 200))
F = (lam[0] * X1**2 + lam[1] * X2**2) / 2

fig, ax = plt.subplots(figsize=(9, 4.6))
ax.contour(X1, X2, F, levels=[0.5, 2, 5, 10, 20, 40], colors="0.8", linewidths=0.8)
t = np.linspace(0, 8, 400)
flow = x0[None, :] * np.exp(-np.outer(t, lam))
ax.plot(flow[:, 0], flow[:, 1], color="k", lw=2, label="gradient flow x' = -grad f (exact)")
for eta, color, steps in [(0.05, "tab:green", 40), (0.15, "tab:blue", 15), (0.19, "tab:red", 15)]:
    path = [x0]
    for _ in range(steps):
        path.append(path[-1] - eta * lam * path[-1])
    path = np.array(path)
    ax.plot(path[:, 0], path[:, 1], "o-", color=color, ms=3, lw=1,
            label=f"gradient descent, eta = {eta} (factors {1 - eta:.2f}, {1 - 10 * eta:.1f})")
ax.set_xlabel("x1 (flat direction, curvature 1)")
ax.set_ylabel("x2 (steep direction, curvature 10)")
ax.set_title("Gradient descent = Euler's method on the gradient flow; stable while eta < 2 / 10")
ax.legend(fontsize=8, loc="lower left")
ax.set_xlim(-10, 10)
ax.set_ylim(-3, 3)
fig.tight_layout()
fig.savefig("flow-and-descent.svg", metadata={"Date": None, "Creator": None})
