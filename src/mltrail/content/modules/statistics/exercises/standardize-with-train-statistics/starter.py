def standardize(train, test):
    """Return the z-scores of the test values, using the mean and the population std of train."""
    # Learn the mean and the standard deviation (divide by n) from train only,
    # then turn each test value into (value - mean) / std.
    ...
