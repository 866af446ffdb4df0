def running_mean(values):
    """Return a list whose element i is the mean of values[0], ..., values[i].

    An empty list gives [].
    """
    means = []
    total = 0.0
    for count, value in enumerate(values, start=1):
        total += value
        means.append(total / count)
    return means
