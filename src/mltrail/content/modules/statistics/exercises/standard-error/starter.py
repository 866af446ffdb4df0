def mean_and_standard_error(losses):
    """Return (mean, standard error of the mean) of losses, as a tuple of two floats."""
    # The standard error is the sample standard deviation (divide by n - 1)
    # divided by the square root of n.
    ...
