# Mistake: converts the result to float, so an int input no longer comes back as an int.
def clamp(x, low, high):
    return float(max(low, min(x, high)))
