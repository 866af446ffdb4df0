import math


def rotation_angle(R):
    """Return the angle in (-pi, pi] of the 2 x 2 rotation matrix R = [[cos, -sin], [sin, cos]]."""
    angle = math.atan2(float(R[1][0]), float(R[0][0]))
    if angle == -math.pi:  # sin written as -0.0: half a turn is pi
        angle = math.pi
    return angle
