# Mistake: range(len(values) - width) stops one window too early and misses the last window.
def sliding_windows(values, width):
    for start in range(len(values) - width):
        yield tuple(values[start:start + width])
