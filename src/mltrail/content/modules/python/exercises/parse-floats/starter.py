def parse_floats(strings):
    """Return (values, bad): the floats parsed from strings, and the number of strings
    for which float() raises ValueError.
    """
    # Try float(s) on every string; count the ones that raise ValueError.
    ...
