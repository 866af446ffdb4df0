# Mistake: off-by-one in the count: after i + 1 values it divides by i + 2.
def running_mean(values):
    means = []
    total = 0.0
    for i, value in enumerate(values, start=1):
        total += value
        means.append(total / (i + 1))
    return means
