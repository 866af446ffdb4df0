# Mistake: computes u . v, |u| and |v| directly, so entries near 1e-200 or 1e200 underflow or overflow.
import math


def cosine_similarity(u, v):
    dot_uv = sum(a * b for a, b in zip(u, v))
    norm_u = math.sqrt(sum(a * a for a in u))
    norm_v = math.sqrt(sum(b * b for b in v))
    if norm_u == 0.0 or norm_v == 0.0:
        return 0.0
    return dot_uv / (norm_u * norm_v)
