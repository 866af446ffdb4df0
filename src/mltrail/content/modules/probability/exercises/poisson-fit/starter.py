import math


def poisson_fit(counts):
    """Return (rate_hat, log-likelihood at rate_hat) for independent Poisson counts."""
    # The maximum likelihood rate is the mean count. Sum the log-probabilities of the
    # counts at that rate; math.lgamma(k + 1) is log(k!).
    ...
