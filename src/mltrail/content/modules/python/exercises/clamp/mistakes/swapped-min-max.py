# Mistake: min and max are swapped, so a value inside the range comes back as low.
def clamp(x, low, high):
    return min(low, max(x, high))
