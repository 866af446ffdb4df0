# Mistake: goes clockwise (the y coordinate has the wrong sign).
import math


def circle_points(n, radius, start):
    points = []
    for k in range(n):
        a = start + 2 * math.pi * k / n
        points.append([radius * math.cos(a), -radius * math.sin(a)])
    return points
