def sliding_windows(values, width):
    """Yield tuples of width consecutive values, moving one position at a time."""
    # Loop over every valid start position and yield a tuple of the window starting there.
    ...
