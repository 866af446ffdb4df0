# Mistake: averages the values as if they were equally likely, ignoring probs.
def mean_and_variance(values, probs):
    n = len(values)
    mean = sum(values) / n
    return mean, sum((x - mean) ** 2 for x in values) / n
