def parse_floats(strings):
    """Return (values, bad): the floats parsed from strings, and the number of strings
    for which float() raises ValueError.
    """
    values = []
    bad = 0
    for s in strings:
        try:
            values.append(float(s))
        except ValueError:
            bad += 1
    return values, bad
