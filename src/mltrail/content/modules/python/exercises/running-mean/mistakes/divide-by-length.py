# Mistake: divides every running total by the length of the whole list, not by the number of values seen so far.
def running_mean(values):
    means = []
    total = 0.0
    for value in values:
        total += value
        means.append(total / len(values))
    return means
