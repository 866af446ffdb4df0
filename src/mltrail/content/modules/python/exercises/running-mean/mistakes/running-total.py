# Mistake: returns the running total (cumulative sum) and never divides.
def running_mean(values):
    totals = []
    total = 0.0
    for value in values:
        total += value
        totals.append(total)
    return totals
