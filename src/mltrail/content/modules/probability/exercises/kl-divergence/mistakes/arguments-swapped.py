# Mistake: computes KL(q || p) instead of KL(p || q).
import math


def kl_divergence(p, q):
    total = 0.0
    for a, b in zip(q, p):
        if a > 0:
            if b == 0:
                return math.inf
            total += a * math.log(a / b)
    return total
