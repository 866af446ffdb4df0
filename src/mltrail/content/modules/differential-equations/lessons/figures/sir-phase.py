"""The SIR model with beta = 0.5, gamma = 0.1: curves over time, and trajectories in the (S, I) plane."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

beta, gamma = 0.5, 0.1


def rk4_path(s, i, h=0.05, steps=2400):
    def F(x):
        s, i = x
        return np.array([-beta * s * i, beta * s * i - gamma * i])

    x, out = np.array([s, i]), [np.array([s, i])]
    for _ in range(steps):
        k1 = F(x)
        k2 = F(x + h / 2 * k1)
        k3 = F(x + h / 2 * k2)
        k4 = F(x + h * k3)
        x = x + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
        out.append(x)
    return np.array(out)


fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.4))
path = rk4_path(0.99, 0.01)
t = np.arange(len(path)) * 0.05
left.plot(t, path[:, 0], color="tab:blue", label="S (susceptible)")
left.plot(t, path[:, 1], color="tab:red", label="I (infected)")
left.plot(t, 1 - path[:, 0] - path[:, 1], color="tab:green", label="R (recovered)")
k = int(np.argmax(path[:, 1]))
left.annotate(f"peak I = {path[k, 1]:.3f} at t = {t[k]:.1f}\n(S = {path[k, 0]:.2f} = gamma / beta)",
              (t[k], path[k, 1]), xytext=(25, 10), textcoords="offset points", fontsize=9,
              arrowprops={"arrowstyle": "->", "color": "0.4"})
left.set_xlabel("time t")
left.set_ylabel("fraction of the population")
left.set_title("R0 = beta / gamma = 5, starting from 1 % infected")
left.legend(fontsize=9, loc="center right")
left.grid(True, color="0.93")

S, I = np.meshgrid(np.linspace(0.02, 1, 15), np.linspace(0.02, 0.7, 12))
dS, dI = -beta * S * I, beta * S * I - gamma * I
norm = np.hypot(dS, dI) + 1e-12
right.quiver(S, I, dS / norm, dI / norm, color="0.7", scale=30, width=0.003)
for s0, i0 in [(0.99, 0.01), (0.8, 0.01), (0.6, 0.01), (0.4, 0.01), (0.3, 0.3), (0.6, 0.35)]:
    p = rk4_path(s0, i0)
    right.plot(p[:, 0], p[:, 1], color="tab:purple", lw=1.3)
    right.plot([s0], [i0], "o", color="tab:purple", ms=4)
right.axvline(gamma / beta, color="tab:red", ls="--", lw=1)
right.text(gamma / beta + 0.01, 0.66, "S = gamma / beta: I peaks here", color="tab:red", fontsize=9)
right.plot([0, 1], [1, 0], color="0.4", lw=0.8)
right.set_xlim(0, 1.02)
right.set_ylim(0, 0.72)
right.set_xlabel("S")
right.set_ylabel("I")
right.set_title("Phase portrait: trajectories move left, I peaks on the red line")
fig.tight_layout()
fig.savefig("sir-phase.svg", metadata={"Date": None, "Creator": None})
