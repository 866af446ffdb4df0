# Mistake: subtracts the centre and rotates, but forgets to add the centre back.
import math


def rotate_about(points, theta, center):
    c, s = math.cos(theta), math.sin(theta)
    cx, cy = center
    return [[(x - cx) * c - (y - cy) * s, (x - cx) * s + (y - cy) * c] for x, y in points]
