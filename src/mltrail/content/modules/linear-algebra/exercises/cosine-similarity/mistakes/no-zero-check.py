# Mistake: forgets the zero-vector rule, so an all-zero vector makes it divide by zero.
import math


def cosine_similarity(u, v):
    mu, mv = max(abs(a) for a in u), max(abs(b) for b in v)
    u = [a / mu for a in u]
    v = [b / mv for b in v]
    dot_uv = sum(a * b for a, b in zip(u, v))
    norm_u = math.sqrt(sum(a * a for a in u))
    norm_v = math.sqrt(sum(b * b for b in v))
    return dot_uv / (norm_u * norm_v)
