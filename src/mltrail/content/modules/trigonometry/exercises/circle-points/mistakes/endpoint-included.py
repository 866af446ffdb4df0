# Mistake: divides the turn by n - 1 (like np.linspace with its endpoint), so the last point repeats the first.
import math


def circle_points(n, radius, start):
    step = 2 * math.pi / (n - 1) if n > 1 else 0.0
    return [[radius * math.cos(start + k * step), radius * math.sin(start + k * step)] for k in range(n)]
