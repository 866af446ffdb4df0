# Mistake: off-by-one range, so the last pair of entries is never added.
def dot(u, v):
    total = 0.0
    for i in range(len(u) - 1):
        total += u[i] * v[i]
    return total
