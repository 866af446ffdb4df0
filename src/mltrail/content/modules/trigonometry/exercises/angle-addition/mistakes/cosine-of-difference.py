# Mistake: adds sin a sin b in the cosine formula, which gives cos(alpha - beta).
def add_angles(a, b):
    ca, sa = a
    cb, sb = b
    return [ca * cb + sa * sb, sa * cb + ca * sb]
