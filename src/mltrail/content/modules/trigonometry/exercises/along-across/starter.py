import math


def along_across(v, theta):
    """Return [along, across]: the components of v = [x, y] along the unit vector at angle theta
    and along that vector turned a quarter turn counter-clockwise."""
    # Build the two unit vectors from cos(theta) and sin(theta), then take dot products with v.
    ...
