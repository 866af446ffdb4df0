import math


def wrap_angle(theta):
    """Return the angle in (-pi, pi] that differs from theta by whole turns (2 * pi)."""
    turn = 2.0 * math.pi
    r = math.fmod(float(theta), turn)  # exact, in (-2 pi, 2 pi), with the sign of theta
    if r > math.pi:
        r -= turn
    elif r <= -math.pi:
        r += turn
    return float(r)
