# Mistake: divides by u . u and v . v (squared lengths) instead of the lengths themselves.
def cosine_similarity(u, v):
    mu, mv = max(abs(a) for a in u), max(abs(b) for b in v)
    if mu == 0.0 or mv == 0.0:
        return 0.0
    u = [a / mu for a in u]
    v = [b / mv for b in v]
    dot_uv = sum(a * b for a, b in zip(u, v))
    uu = sum(a * a for a in u)
    vv = sum(b * b for b in v)
    return dot_uv / (uu * vv)
