# Mistake: takes the ordinary arithmetic mean, ignoring the wrap-around.
def circular_mean(values, period):
    return sum(values) / len(values)
