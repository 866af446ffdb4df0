# Mistake: a plain swap {value: key} keeps only the last key of each value, and not in a list.
def invert_mapping(mapping):
    return {value: key for key, value in mapping.items()}
