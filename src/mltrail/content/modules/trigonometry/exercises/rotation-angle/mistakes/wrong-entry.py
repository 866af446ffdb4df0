# Mistake: takes the sine from the top-right entry, which holds -sin(theta).
import math


def rotation_angle(R):
    return math.atan2(R[0][1], R[0][0])
