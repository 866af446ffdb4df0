def normal_mle(values):
    """Return the maximum likelihood estimates (mu_hat, var_hat) of a normal model."""
    # mu_hat: the mean. var_hat: the mean squared deviation from mu_hat (which divisor?).
    ...
