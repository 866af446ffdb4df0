import math


def poisson_fit(counts):
    """Return (rate_hat, log-likelihood at rate_hat) for independent Poisson counts."""
    rate = math.fsum(counts) / len(counts)
    log_rate = math.log(rate)
    loglik = math.fsum(k * log_rate - rate - math.lgamma(k + 1) for k in counts)
    return float(rate), float(loglik)
