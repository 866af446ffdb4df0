# Mistake: forgets to sort the lists, so the keys stay in the order of the input dict.
def invert_mapping(mapping):
    inverted = {}
    for key, value in mapping.items():
        inverted.setdefault(value, []).append(key)
    return inverted
