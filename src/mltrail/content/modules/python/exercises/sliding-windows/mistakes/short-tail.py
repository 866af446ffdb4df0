# Mistake: keeps sliding to the end of the list, yielding shorter windows at the tail.
def sliding_windows(values, width):
    for start in range(len(values)):
        yield tuple(values[start:start + width])
