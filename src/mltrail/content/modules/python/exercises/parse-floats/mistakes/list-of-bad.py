# Mistake: returns the list of bad strings instead of their number.
def parse_floats(strings):
    values = []
    bad = []
    for s in strings:
        try:
            values.append(float(s))
        except ValueError:
            bad.append(s)
    return values, bad
