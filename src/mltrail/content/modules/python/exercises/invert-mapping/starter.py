def invert_mapping(mapping):
    """Return a dict mapping each value of mapping to the sorted list of keys having that value."""
    # Collect the keys of each value in a list, then sort each list.
    ...
