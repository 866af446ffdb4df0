# Mistake: uses math.atan(sin / cos), which cannot return angles beyond a quarter turn.
import math


def rotation_angle(R):
    return math.atan(R[1][0] / R[0][0])
