"""Four of the common distributions: Poisson(2), uniform(0, 1), the standard normal and exponential with rate 2."""
import math

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

fig, axes = plt.subplots(2, 2, figsize=(9, 6))
poisson, uniform, normal, exponential = axes.ravel()

ks = np.arange(11)
pmf = [2.0**k * math.exp(-2.0) / math.factorial(k) for k in ks]
poisson.bar(ks, pmf, color="tab:blue", alpha=0.8)
poisson.annotate(f"P(0) = e⁻² = {pmf[0]:.4f}", (0, pmf[0]), xytext=(5, 0.2), fontsize=9,
                 arrowprops=dict(arrowstyle="->", color="0.3"))
poisson.set_title("Poisson(λ = 2): mean 2, variance 2")
poisson.set_xticks(ks)
poisson.set_xlabel("number of events k")

x = np.linspace(-0.5, 1.5, 401)
uniform.plot(x, np.where((x >= 0) & (x <= 1), 1.0, 0.0), color="tab:blue", lw=2)
uniform.set_ylim(0, 1.3)
uniform.set_title("uniform(0, 1): mean 1/2, variance 1/12")

x = np.linspace(-4, 4, 401)
density = np.exp(-x**2 / 2) / math.sqrt(2 * math.pi)
normal.plot(x, density, color="tab:blue", lw=2)
normal.fill_between(x, density, where=np.abs(x) <= 1, color="tab:blue", alpha=0.3, label="within ±1: 0.6827")
for edge in (-1.96, 1.96):
    normal.axvline(edge, color="tab:red", ls="--", lw=1)
normal.plot([], [], color="tab:red", ls="--", lw=1, label="±1.96: 0.95 between")
normal.legend(loc="upper left", fontsize=8.5)
normal.set_ylim(0, 0.5)
normal.set_title("normal(0, 1): mean 0, variance 1")

x = np.linspace(0, 3, 301)
exponential.plot(x, 2.0 * np.exp(-2.0 * x), color="tab:blue", lw=2)
exponential.axvline(0.5, color="tab:red", ls="--", lw=1, label="mean 1/λ = 0.5")
exponential.legend(loc="upper right", fontsize=8.5)
exponential.set_title("exponential(λ = 2): density 2 at 0; variance 1/4")

for ax in (uniform, normal, exponential):
    ax.set_xlabel("x")
for ax in axes.ravel():
    ax.grid(True, color="0.93")
    ax.title.set_fontsize(10)
for ax in (poisson,):
    ax.set_ylabel("probability")
for ax in (uniform, normal, exponential):
    ax.set_ylabel("density")
fig.tight_layout()
fig.savefig("common-distributions.svg", metadata={"Date": None, "Creator": None})
