def invert_mapping(mapping):
    """Return a dict mapping each value of mapping to the sorted list of keys having that value."""
    inverted = {}
    for key, value in mapping.items():
        inverted.setdefault(value, []).append(key)
    return {value: sorted(keys) for value, keys in inverted.items()}
