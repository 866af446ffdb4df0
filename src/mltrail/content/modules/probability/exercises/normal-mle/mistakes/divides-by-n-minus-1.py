# Mistake: returns the unbiased sample variance (divides by n - 1), not the maximum likelihood estimate.
def normal_mle(values):
    n = len(values)
    mu = sum(values) / n
    return mu, sum((x - mu) ** 2 for x in values) / (n - 1)
