"""The number of correct answers of a model that is right 80 % of the time, on 10 inputs: binomial(10, 0.8)."""
import math

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt


def binomial_pmf(k, n, p):
    return math.comb(n, k) * p**k * (1 - p) ** (n - k)


ks = range(11)
probs = [binomial_pmf(k, 10, 0.8) for k in ks]
fig, ax = plt.subplots(figsize=(6.5, 4.2))
colours = ["tab:orange" if k <= 6 else "tab:blue" for k in ks]
ax.bar(ks, probs, color=colours, alpha=0.8)
for k, p in zip(ks, probs):
    if p > 0.005:
        ax.text(k, p + 0.005, f"{p:.3f}", ha="center", fontsize=8.5)
ax.axvline(8, color="0.4", ls="--", lw=1)
ax.text(8.1, 0.325, "mean np = 8", fontsize=9, color="0.3")
low = sum(probs[:7])
ax.text(3, 0.15, f"P(6 or fewer) = {low:.3f}", color="tab:orange", ha="center")
ax.set_xticks(list(ks))
ax.set_xlabel("correct answers out of 10")
ax.set_ylabel("probability")
ax.set_ylim(0, 0.35)
ax.set_title("Binomial(10, 0.8): exactly 8 correct has probability 0.302")
fig.tight_layout()
fig.savefig("binomial-pmf.svg", metadata={"Date": None, "Creator": None})
