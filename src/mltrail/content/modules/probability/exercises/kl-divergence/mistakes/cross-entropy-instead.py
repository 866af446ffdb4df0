# Mistake: returns the cross-entropy -sum p log q, forgetting to subtract the entropy of p.
import math


def kl_divergence(p, q):
    total = 0.0
    for a, b in zip(p, q):
        if a > 0:
            if b == 0:
                return math.inf
            total -= a * math.log(b)
    return total
