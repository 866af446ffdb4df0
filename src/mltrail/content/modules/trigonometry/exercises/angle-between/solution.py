import math


def angle_between(u, v):
    """Return the angle in [0, pi] between the non-zero vectors u and v, in radians, as a float."""
    # Normalise both vectors, then use the half-angle form 2 * atan2(|a - b|, |a + b|),
    # which stays accurate for nearly parallel and nearly opposite vectors (acos does not).
    norm_u = math.hypot(*u)  # scaled internally: no underflow for tiny entries
    norm_v = math.hypot(*v)
    a = [x / norm_u for x in u]
    b = [y / norm_v for y in v]
    difference = math.sqrt(sum((x - y) ** 2 for x, y in zip(a, b)))
    total = math.sqrt(sum((x + y) ** 2 for x, y in zip(a, b)))
    return float(2.0 * math.atan2(difference, total))
