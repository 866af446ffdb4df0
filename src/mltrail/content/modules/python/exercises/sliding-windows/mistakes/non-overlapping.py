# Mistake: moves by width instead of by one position, so the windows do not overlap.
def sliding_windows(values, width):
    for start in range(0, len(values) - width + 1, width):
        yield tuple(values[start:start + width])
