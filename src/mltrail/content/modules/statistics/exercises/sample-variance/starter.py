def sample_variance(values):
    """Return the sample variance (divide by n - 1) of values, as a float."""
    # First pass: the mean. Second pass: the sum of squared deviations from the mean.
    # Then divide by n - 1.
    ...
