import math


def kl_divergence(p, q):
    """Return KL(p || q) in nats (math.inf if q is 0 where p is not)."""
    terms = []
    for a, b in zip(p, q):
        if a > 0:
            if b == 0:
                return math.inf
            terms.append(a * math.log(a / b))
    return float(max(math.fsum(terms), 0.0))
