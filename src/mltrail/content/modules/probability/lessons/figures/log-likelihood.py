"""Likelihood and log-likelihood of p after 7 heads in 10 tosses: both peak at p = 0.7."""
import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np

heads, tails = 7, 3
p = np.linspace(0.01, 0.99, 197)
likelihood = p**heads * (1 - p) ** tails
log_likelihood = heads * np.log(p) + tails * np.log(1 - p)
tried = np.array([0.5, 0.6, 0.7, 0.8])  # the values tried in the lesson

fig, (top, bottom) = plt.subplots(2, 1, figsize=(7.5, 6), sharex=True)
top.plot(p, likelihood, color="tab:blue", lw=2)
top.set_ylabel("likelihood $p^7(1-p)^3$")
top.set_title("7 heads in 10 tosses: both curves peak at p = 0.7")
bottom.plot(p, log_likelihood, color="tab:purple", lw=2)
bottom.plot(tried, heads * np.log(tried) + tails * np.log(1 - tried), "o", color="tab:purple")
for value in tried:
    ll = heads * np.log(value) + tails * np.log(1 - value)
    bottom.annotate(f"{ll:.3f}", (value, ll), xytext=(0, -16), textcoords="offset points", ha="center", fontsize=8.5)
bottom.set_ylim(-16, -4)
bottom.set_ylabel("log-likelihood ℓ(p)")
bottom.set_xlabel("probability of heads p")
for ax in (top, bottom):
    ax.axvline(heads / (heads + tails), color="tab:red", ls="--", lw=1)
    ax.grid(True, color="0.93")
top.text(0.03, likelihood.max() * 0.7, "dashed line: the maximum,\np = 7/10", color="tab:red")
fig.tight_layout()
fig.savefig("log-likelihood.svg", metadata={"Date": None, "Creator": None})
