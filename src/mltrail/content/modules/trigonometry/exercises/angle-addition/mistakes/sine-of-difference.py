# Mistake: subtracts in the sine formula, which gives sin(alpha - beta).
def add_angles(a, b):
    ca, sa = a
    cb, sb = b
    return [ca * cb - sa * sb, sa * cb - ca * sb]
