def sliding_windows(values, width):
    """Yield tuples of width consecutive values, moving one position at a time."""
    for start in range(len(values) - width + 1):
        yield tuple(values[start:start + width])
