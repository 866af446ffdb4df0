# Mistake: returns E[X**2] as the variance, forgetting to subtract E[X]**2.
def mean_and_variance(values, probs):
    mean = sum(p * x for x, p in zip(values, probs))
    return mean, sum(p * x * x for x, p in zip(values, probs))
