# Mistake: only the upper bound is applied; values below low are not raised.
def clamp(x, low, high):
    return min(x, high)
