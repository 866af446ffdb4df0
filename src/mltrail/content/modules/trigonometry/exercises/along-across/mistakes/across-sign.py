# Mistake: takes the perpendicular a quarter turn clockwise, so "across" has the wrong sign.
import math


def along_across(v, theta):
    x, y = v
    c, s = math.cos(theta), math.sin(theta)
    return [x * c + y * s, x * s - y * c]
