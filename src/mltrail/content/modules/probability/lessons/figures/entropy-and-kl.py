"""Left: the entropy of a coin against p. Right: the terms of KL(p || q) and KL(q || p) for p = (0.9, 0.1), q = (0.5, 0.5)."""
import math

import matplotlib

matplotlib.use("Agg")
matplotlib.rcParams["svg.hashsalt"] = "mltrail"  # the same SVG ids on every run
import matplotlib.pyplot as plt
import numpy as np


def entropy_bits(probs):
    return 0.0 - sum(p * math.log2(p) for p in probs if p > 0)


fig, (left, right) = plt.subplots(1, 2, figsize=(10.5, 4.2))
ps = np.linspace(0, 1, 201)
left.plot(ps, [entropy_bits([p, 1 - p]) for p in ps], color="tab:blue", lw=2)
for p in (0.5, 0.9):
    h = entropy_bits([p, 1 - p])
    left.plot([p], [h], "o", color="tab:blue")
    left.annotate(f"H({p}) = {h:.3g}", (p, h), xytext=(-6, 8), textcoords="offset points", ha="right")
left.set_xlabel("probability of heads p")
left.set_ylabel("entropy (bits)")
left.set_ylim(0, 1.15)
left.grid(True, color="0.93")
left.set_title("Entropy of a coin: 0 when certain, 1 bit when fair")

p, q = [0.9, 0.1], [0.5, 0.5]
pq = [a * math.log(a / b) for a, b in zip(p, q)]  # the terms p_i log(p_i / q_i), in nats
qp = [b * math.log(b / a) for a, b in zip(p, q)]
x = np.arange(2)
right.bar(x - 0.2, pq, width=0.4, color="tab:green", label=f"terms of KL(p || q), sum {sum(pq):.4f}")
right.bar(x + 0.2, qp, width=0.4, color="tab:orange", label=f"terms of KL(q || p), sum {sum(qp):.4f}")
for xs, terms in ((x - 0.2, pq), (x + 0.2, qp)):
    for xi, t in zip(xs, terms):
        right.text(xi, t + (0.02 if t > 0 else -0.06), f"{t:.3f}", ha="center", fontsize=9)
right.axhline(0, color="black", lw=0.8)
right.set_xticks(x, ["outcome 1\np = 0.9, q = 0.5", "outcome 2\np = 0.1, q = 0.5"])
right.set_ylabel("term (nats)")
right.set_ylim(-0.45, 1.0)
right.legend(loc="upper left", fontsize=9)
right.set_title("KL divergence is not symmetric")
fig.tight_layout()
fig.savefig("entropy-and-kl.svg", metadata={"Date": None, "Creator": None})
