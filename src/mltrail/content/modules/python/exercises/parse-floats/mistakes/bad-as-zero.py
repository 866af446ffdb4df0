# Mistake: puts 0.0 in the values for every bad string instead of leaving it out.
def parse_floats(strings):
    values = []
    bad = 0
    for s in strings:
        try:
            values.append(float(s))
        except ValueError:
            values.append(0.0)
            bad += 1
    return values, bad
