import math


def _mean(values):
    return math.fsum(values) / len(values)


def skewed_features(train, serve, threshold):
    """Sorted names of columns missing on one side or whose mean moved by more than threshold training stds."""
    reported = set(train) ^ set(serve)
    for column in set(train) & set(serve):
        t = train[column]
        mean_t = _mean(t)
        std_t = math.sqrt(math.fsum((v - mean_t) ** 2 for v in t) / len(t))
        if abs(_mean(serve[column]) - mean_t) > threshold * std_t:
            reported.add(column)
    return sorted(reported)
