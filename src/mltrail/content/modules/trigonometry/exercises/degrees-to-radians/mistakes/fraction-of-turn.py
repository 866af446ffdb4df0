# Mistake: divides by 360, giving the fraction of a turn instead of radians.
def to_radians(degrees):
    return [d / 360.0 for d in degrees]
