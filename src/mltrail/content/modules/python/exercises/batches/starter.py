def batches(items, size):
    """Yield consecutive lists of size items; the last one may be shorter."""
    # Loop over the start positions 0, size, 2 * size, ... and yield a slice each time.
    ...
