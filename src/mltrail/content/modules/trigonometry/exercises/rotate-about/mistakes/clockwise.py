# Mistake: uses the transposed matrix [[cos, sin], [-sin, cos]], which rotates clockwise.
import math


def rotate_about(points, theta, center):
    c, s = math.cos(theta), math.sin(theta)
    cx, cy = center
    return [[cx + (x - cx) * c + (y - cy) * s, cy - (x - cx) * s + (y - cy) * c] for x, y in points]
