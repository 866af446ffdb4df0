# Mistake: divides by u . u and v . v (squared lengths) instead of the lengths themselves.
def cosine_similarity(u, v):
    dot_uv = sum(a * b for a, b in zip(u, v))
    uu = sum(a * a for a in u)
    vv = sum(b * b for b in v)
    if uu == 0.0 or vv == 0.0:
        return 0.0
    return dot_uv / (uu * vv)
