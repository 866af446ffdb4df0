# Mistake: adds each pair of entries instead of multiplying them.
def dot(u, v):
    total = 0.0
    for a, b in zip(u, v):
        total += a + b
    return total
