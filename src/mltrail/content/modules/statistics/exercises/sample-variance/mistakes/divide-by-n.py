# Mistake: divides by n (the population formula) instead of n - 1.
def sample_variance(values):
    n = len(values)
    mean = sum(values) / n
    return sum((v - mean) ** 2 for v in values) / n
