import math


def cosine_similarity(u, v):
    """Return (u . v) / (|u| |v|) as a float, or 0.0 if u or v is all zeros."""
    largest_u = max(abs(a) for a in u)
    largest_v = max(abs(b) for b in v)
    if largest_u == 0.0 or largest_v == 0.0:
        return 0.0
    # Scaling a vector does not change its direction; dividing by the largest |entry| keeps
    # the squares away from overflow (entries near 1e200) and underflow (near 1e-200).
    u = [a / largest_u for a in u]
    v = [b / largest_v for b in v]
    dot_uv = sum(a * b for a, b in zip(u, v))
    norm_u = math.sqrt(sum(a * a for a in u))
    norm_v = math.sqrt(sum(b * b for b in v))
    return dot_uv / (norm_u * norm_v)
