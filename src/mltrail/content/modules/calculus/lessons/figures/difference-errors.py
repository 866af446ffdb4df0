"""Error of the forward and central differences for f(x) = x^3 at x = 1.1, against the step h."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def f(t):
    return t * t * t


x = 1.1
exact = 3 * x * x
hs = np.logspace(-13, -1, 121)
forward = [abs((f(x + h) - f(x)) / h - exact) for h in hs]
central = [abs((f(x + h) - f(x - h)) / (2 * h) - exact) for h in hs]

fig, ax = plt.subplots(figsize=(6.5, 4.5))
ax.loglog(hs, forward, color="tab:blue", lw=1.5, label="forward difference")
ax.loglog(hs, central, color="tab:orange", lw=1.5, label="central difference")
ax.loglog(hs, 3.3 * hs, color="tab:blue", ls=":", label="truncation 3.3 h (slope 1)")
ax.loglog(hs, hs ** 2, color="tab:orange", ls=":", label="truncation h² (slope 2)")
ax.loglog(hs, 2.2e-16 * f(x) / hs, color="0.5", ls="--", label="round-off ε|f(x)|/h")
for h, color in [(1e-8, "tab:blue"), (1e-5, "tab:orange")]:
    ax.axvline(h, color=color, lw=0.8, alpha=0.5)
ax.set_ylim(1e-12, 1)
ax.set_xlabel("step h")
ax.set_ylabel("absolute error of the estimate of f'(1.1)")
ax.grid(True, which="major", color="0.93")
ax.legend(loc="upper center", fontsize=9)
ax.set_title("Smaller steps help until round-off takes over")
fig.tight_layout()
fig.savefig("difference-errors.svg", metadata={"Date": None, "Creator": None})
