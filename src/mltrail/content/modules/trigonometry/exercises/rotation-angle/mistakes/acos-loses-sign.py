# Mistake: uses math.acos of the cosine alone, so clockwise rotations come out positive.
import math


def rotation_angle(R):
    return math.acos(max(-1.0, min(1.0, R[0][0])))
