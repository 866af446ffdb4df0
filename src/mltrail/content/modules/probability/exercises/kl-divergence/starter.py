import math


def kl_divergence(p, q):
    """Return KL(p || q) in nats (math.inf if q is 0 where p is not)."""
    # Sum p_i * log(p_i / q_i) over the outcomes with p_i > 0.
    ...
