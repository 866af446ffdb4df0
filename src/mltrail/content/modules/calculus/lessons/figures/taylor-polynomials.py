"""Taylor polynomials of e^x at a = 0, of degrees 1, 2 and 4, and their values at x = 0.5."""
import math

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def taylor_exp(x, n):
    return sum(x**k / math.factorial(k) for k in range(n + 1))


x = np.linspace(-2.5, 2.5, 300)
fig, ax = plt.subplots(figsize=(6.5, 4.5))
ax.plot(x, np.exp(x), color="black", lw=2.5, label="eˣ")
for n, color in [(1, "tab:blue"), (2, "tab:orange"), (4, "tab:green")]:
    ax.plot(x, taylor_exp(x, n), color=color, lw=1.5, label=f"degree {n}: {taylor_exp(0.5, n):.8g} at x = 0.5")
ax.axvline(0.5, color="0.6", lw=0.8, ls="--")
ax.plot([0], [1], "ko")
ax.annotate("a = 0", (0, 1), xytext=(-40, 10), textcoords="offset points")
ax.set_ylim(-1.5, 10)
ax.set_xlabel("x")
ax.grid(True, color="0.93")
ax.legend(loc="upper left", fontsize=9)
ax.set_title(f"Each higher degree follows eˣ further from a = 0 (e^0.5 = {math.exp(0.5):.6f})")
fig.tight_layout()
fig.savefig("taylor-polynomials.svg", metadata={"Date": None, "Creator": None})
