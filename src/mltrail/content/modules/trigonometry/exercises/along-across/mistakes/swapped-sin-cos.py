# Mistake: swaps cosine and sine in the direction vector.
import math


def along_across(v, theta):
    x, y = v
    c, s = math.sin(theta), math.cos(theta)
    return [x * c + y * s, -x * s + y * c]
