# Mistake: wraps into [0, 2 pi) with %, instead of (-pi, pi].
import math


def wrap_angle(theta):
    return theta % (2 * math.pi)
