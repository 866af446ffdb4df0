# Mistake: uses the one-pass shortcut (sum of squares - n * mean**2) / (n - 1), which cancels catastrophically.
def sample_variance(values):
    n = len(values)
    mean = sum(values) / n
    return (sum(v * v for v in values) - n * mean * mean) / (n - 1)
