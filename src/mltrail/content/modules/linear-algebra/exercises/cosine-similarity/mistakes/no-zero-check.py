# Mistake: forgets the zero-vector rule and divides by a zero norm.
import math


def cosine_similarity(u, v):
    dot_uv = sum(a * b for a, b in zip(u, v))
    norm_u = math.sqrt(sum(a * a for a in u))
    norm_v = math.sqrt(sum(b * b for b in v))
    return dot_uv / (norm_u * norm_v)
