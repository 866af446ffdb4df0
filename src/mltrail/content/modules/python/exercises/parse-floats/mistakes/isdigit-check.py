# Mistake: decides with str.isdigit() instead of trying float(), which rejects "-2", "1.5", "1e3" and " 7 ".
def parse_floats(strings):
    values = []
    bad = 0
    for s in strings:
        if s.isdigit():
            values.append(float(s))
        else:
            bad += 1
    return values, bad
