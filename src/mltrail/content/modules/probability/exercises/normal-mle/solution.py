import math


def normal_mle(values):
    """Return the maximum likelihood estimates (mu_hat, var_hat) of a normal model."""
    n = len(values)
    mu = math.fsum(values) / n
    var = math.fsum((x - mu) ** 2 for x in values) / n
    return float(mu), float(var)
