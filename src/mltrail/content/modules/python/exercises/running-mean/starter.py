def running_mean(values):
    """Return a list whose element i is the mean of values[0], ..., values[i].

    An empty list gives [].
    """
    # Keep a running total; after each value, append total / (number of values so far).
    ...
