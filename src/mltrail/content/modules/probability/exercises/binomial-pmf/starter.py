def binomial_pmf(k, n, p):
    """Return P(K = k) for K ~ Binomial(n, p), as a float."""
    # The probability of one sequence with k successes, times the number of
    # such sequences.
    ...
