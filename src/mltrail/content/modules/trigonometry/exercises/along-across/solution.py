import math


def along_across(v, theta):
    """Return [along, across]: the components of v = [x, y] along the unit vector at angle theta
    and along that vector turned a quarter turn counter-clockwise."""
    x, y = float(v[0]), float(v[1])
    c, s = math.cos(theta), math.sin(theta)
    return [x * c + y * s, -x * s + y * c]
