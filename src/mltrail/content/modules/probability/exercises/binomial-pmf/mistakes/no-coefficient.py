# Mistake: the probability of one sequence, without the number of sequences C(n, k).
def binomial_pmf(k, n, p):
    return p**k * (1 - p) ** (n - k)
